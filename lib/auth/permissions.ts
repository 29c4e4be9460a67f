// The permission checks every use case shares (PRODUCT §1). They run on the
// server inside the use case's transaction, so a role granted or revoked
// concurrently is seen consistently with the write it guards.
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";

export type Db = Tx | PrismaClient;

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError("Sign in first.");
  return actor;
}

export function requireAdmin(actor: Actor | null): Actor {
  const a = requireSignedIn(actor);
  if (!a.isAdmin) throw new ForbiddenError("Only an administrator can do this.");
  return a;
}

export async function isOfficial(db: Db, actor: Actor | null, electionId: string): Promise<boolean> {
  if (!actor) return false;
  const row = await db.official.findUnique({ where: { electionId_userId: { electionId, userId: actor.id } }, select: { userId: true } });
  return row !== null;
}

export async function requireOfficial(db: Db, actor: Actor | null, electionId: string): Promise<Actor> {
  const a = requireSignedIn(actor);
  if (!(await isOfficial(db, a, electionId))) throw new ForbiddenError("Only an official of this election can do this.");
  return a;
}

/** Officials of the election, or an instance admin (who can always step in, e.g. to cancel). */
export async function requireOfficialOrAdmin(db: Db, actor: Actor | null, electionId: string): Promise<Actor> {
  const a = requireSignedIn(actor);
  if (a.isAdmin) return a;
  return requireOfficial(db, a, electionId);
}

/**
 * Whether the person stands in the election. Imported declarations carry no
 * user id until their author signs in, so they are matched by login and email
 * too: an official must not be able to slip past the rule through an import.
 * A withdrawn declaration no longer counts.
 */
export async function isCandidate(
  db: Db,
  person: { id: string; githubLogin: string | null; email: string | null },
  electionId: string,
): Promise<boolean> {
  const or: object[] = [{ userId: person.id }];
  if (person.githubLogin) or.push({ githubLogin: { equals: person.githubLogin, mode: "insensitive" } });
  if (person.email) or.push({ email: { equals: person.email, mode: "insensitive" } });
  const row = await db.candidacy.findFirst({
    where: { electionId, status: { not: "WITHDRAWN" }, OR: or },
    select: { id: true },
  });
  return row !== null;
}
