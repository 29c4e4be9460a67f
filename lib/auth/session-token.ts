import { encode } from "next-auth/jwt";
import { readAuthEnv, type AuthEnv } from "./env";

/** How long a sign-in lasts. Short enough that a forgotten laptop does not vote next month. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** next-auth's own cookie naming: the __Secure- prefix whenever the site is served over https. */
export function sessionCookieName(env: AuthEnv = readAuthEnv()): { name: string; secure: boolean } {
  const secure = env.nextAuthUrl?.startsWith("https://") ?? false;
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

/**
 * The session JWT carries only the user id and the user's session version at
 * sign-in; everything else is read from the database per request. Raising the
 * stored version ends the session (revoke-sessions.ts). A version rather than
 * the token's `iat`: next-auth re-issues the cookie with a fresh `iat` on every
 * session refresh, and custom claims are what it carries over unchanged.
 */
export function sessionClaims(userId: string, sessionVersion: number): SessionClaims {
  return { sub: userId, sv: sessionVersion };
}

/** The version a decoded token names; a cookie from before versions existed counts as version 0. */
export function sessionVersionOf(token: Record<string, unknown>): number {
  return typeof token.sv === "number" && Number.isInteger(token.sv) ? token.sv : 0;
}

export interface SessionClaims {
  sub: string;
  /** User.sessionVersion when the session began. */
  sv: number;
}

/**
 * A session cookie exactly like the one next-auth issues after its own
 * sign-in, for the demo sign-in server action (next-auth v4 cannot sign in
 * from a server action itself).
 */
export async function mintSessionCookie(userId: string, env: AuthEnv = readAuthEnv(), sessionVersion = 0) {
  if (!env.nextAuthSecret) throw new Error("NEXTAUTH_SECRET is not set");
  const { name, secure } = sessionCookieName(env);
  const value = await encode({ token: { ...sessionClaims(userId, sessionVersion) }, secret: env.nextAuthSecret, maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    name,
    value,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS },
  };
}
