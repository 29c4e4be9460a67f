import { readAuthEnv, type AuthEnv } from "./env";

export interface SignInProvider {
  /** next-auth provider id, used in /api/auth/signin/<id>. */
  id: "github" | "oidc";
  name: string;
}

/** The real identity providers this instance offers, in display order. */
export function enabledProviders(env: AuthEnv = readAuthEnv()): SignInProvider[] {
  const list: SignInProvider[] = [];
  if (env.github) list.push({ id: "github", name: "GitHub" });
  if (env.oidc) list.push({ id: "oidc", name: env.oidc.name });
  return list;
}

/**
 * Demo sign-in lets anyone become any seeded person with one click, so it
 * needs both the explicit flag `npm start` sets for an embedded, demo-seeded
 * database AND no real provider: an instance with real sign-in never offers it,
 * whatever the flag says.
 */
export function isDemoMode(env: AuthEnv = readAuthEnv()): boolean {
  return env.demoFlag && enabledProviders(env).length === 0;
}
