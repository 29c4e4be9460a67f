import { getServerSession, type Session } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { Actor } from "./actor";
import { isAdminIdentity } from "./admins";
import { getAuthOptions } from "./auth-options";

/** Builds the Actor from the user's database row: the only source of identity and admin status. */
export function actorFromUser(user: { id: string; name: string | null; email: string | null; githubLogin: string | null }): Actor {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    githubLogin: user.githubLogin,
    isAdmin: isAdminIdentity(user),
  };
}

/**
 * The signed-in person for this request (server components, server actions,
 * route handlers), or null when anonymous. The session cookie only names a
 * user id and a session version; a deleted user, or a session revoked since,
 * is anonymous. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // Anonymous visitors (most page views) carry no session cookie: skip decrypting anything.
  // Reading cookies first also marks the page dynamic before any configuration is read.
  const jar = await cookies();
  if (!jar.getAll().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name))) return null;
  return actorForSession(await getServerSession(getAuthOptions()));
});

/**
 * The person a next-auth session (as our session callback shapes it) stands
 * for, or null: no session, a deleted user, or a session issued before the
 * person (or an admin) signed them out everywhere.
 */
export async function actorForSession(session: Session | null): Promise<Actor | null> {
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, githubLogin: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.user.sessionVersion) return null;
  return actorFromUser(user);
}

/** The signed-in person, or ForbiddenError (403) for anonymous callers. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new ForbiddenError("Sign in first.");
  return actor;
}
