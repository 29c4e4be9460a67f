// What lib/auth needs from the instance's configuration. The validated
// configuration (lib/config/env.ts) is the source; this file narrows it, and
// adds the two auth-only knobs it does not know yet (OIDC_LOGIN_CLAIM,
// HUSTINGS_SIGNIN_RATE_LIMIT), so the rest of lib/auth never reads process.env.
import { env, type Config } from "@/lib/config/env";

export interface AuthEnv {
  nextAuthUrl: string;
  nextAuthSecret: string;
  github: Config["github"];
  oidc: (NonNullable<Config["oidc"]> & { loginClaim: "preferred_username" | null }) | null;
  /** Lower-cased GitHub logins and emails named by HUSTINGS_ADMINS (or the demo default). */
  admins: Config["admins"];
  /** HUSTINGS_DEMO as set by `npm start`; demo mode also needs no real provider (see providers.ts). */
  demoFlag: boolean;
  /** Sign-in attempts allowed per client address per minute. */
  signInPerMinute: number;
}

export function authEnvFrom(config: Config, raw: Record<string, string | undefined> = process.env): AuthEnv {
  const limit = Number(raw.HUSTINGS_SIGNIN_RATE_LIMIT?.trim() || 30);
  return {
    nextAuthUrl: config.nextauthUrl,
    nextAuthSecret: config.nextauthSecret,
    github: config.github,
    oidc: config.oidc && {
      ...config.oidc,
      // The discovery document lives under the issuer; a trailing slash would double the separator.
      issuer: config.oidc.issuer.replace(/\/+$/, ""),
      // Only with this set does the IdP's preferred_username count as the person's GitHub login.
      loginClaim: raw.OIDC_LOGIN_CLAIM?.trim() === "preferred_username" ? "preferred_username" : null,
    },
    admins: config.admins,
    demoFlag: config.demo,
    signInPerMinute: Number.isInteger(limit) && limit > 0 ? limit : 30,
  };
}

/** The running instance's auth configuration (validated once per process by lib/config/env.ts). */
export function readAuthEnv(): AuthEnv {
  return authEnvFrom(env());
}
