import { encode } from "next-auth/jwt";
import { readAuthEnv, type AuthEnv } from "./env";

/** How long a sign-in lasts. Short enough that a forgotten laptop does not vote next month. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** next-auth's own cookie naming: the __Secure- prefix whenever the site is served over https. */
export function sessionCookieName(env: AuthEnv = readAuthEnv()): { name: string; secure: boolean } {
  const secure = env.nextAuthUrl?.startsWith("https://") ?? false;
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

/** The session JWT carries only the user id; everything else is read from the database per request. */
export function sessionClaims(userId: string): { sub: string } {
  return { sub: userId };
}

/**
 * A session cookie exactly like the one next-auth issues after its own
 * sign-in, for the demo sign-in server action (next-auth v4 cannot sign in
 * from a server action itself).
 */
export async function mintSessionCookie(userId: string, env: AuthEnv = readAuthEnv()) {
  if (!env.nextAuthSecret) throw new Error("NEXTAUTH_SECRET is not set");
  const { name, secure } = sessionCookieName(env);
  const value = await encode({ token: sessionClaims(userId), secret: env.nextAuthSecret, maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    name,
    value,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS },
  };
}
