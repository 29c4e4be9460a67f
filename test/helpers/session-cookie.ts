// Session cookies as a browser holds them, resolved the way a request is:
// through next-auth's getServerSession and then getActor's check against the database.
import { getServerSession } from "next-auth";
import type { Actor } from "@/lib/auth/actor";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { actorForSession } from "@/lib/auth/current-actor";
import { readAuthEnv } from "@/lib/auth/env";
import { mintSessionCookie } from "@/lib/auth/session-token";
import { prisma } from "@/lib/db/client";

export interface HeldCookie {
  name: string;
  value: string;
}

/** A cookie issued now for the person, like a sign-in would (with their current session version). */
export async function signedInCookie(userId: string): Promise<HeldCookie> {
  const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const c = await mintSessionCookie(userId, readAuthEnv(), sessionVersion);
  return { name: c.name, value: c.value };
}

/**
 * Reads the session from the cookie exactly as getActor does: next-auth's
 * getServerSession (decrypt, jwt and session callbacks), given the request's
 * headers and cookies the way its pages-style form takes them (the app-router
 * form reads them from next/headers, which needs a live request), then
 * getActor's check against the database. Also returns the cookie next-auth
 * re-issued (a refreshed session: new iat and expiry), if any.
 */
export async function resolveCookie(cookie: HeldCookie): Promise<{ actor: Actor | null; refreshed: HeldCookie | null }> {
  const set: string[] = [];
  const req = { headers: { cookie: `${cookie.name}=${cookie.value}`, host: "localhost:3000" }, cookies: { [cookie.name]: cookie.value } };
  const res = {
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? set : undefined),
    setHeader: (name: string, value: string | string[]) => {
      if (name.toLowerCase() === "set-cookie") set.splice(0, set.length, ...[value].flat());
    },
  };
  const session = await getServerSession(req as never, res as never, getAuthOptions());
  const header = set.find((h) => h.startsWith(`${cookie.name}=`));
  const value = header?.slice(cookie.name.length + 1).split(";")[0];
  return { actor: await actorForSession(session), refreshed: value ? { name: cookie.name, value } : null };
}
