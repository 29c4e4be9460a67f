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

/**
 * Instance admins (HUSTINGS_ADMINS) create communities and appoint their
 * admins. They hold no power inside a community unless named there: every act
 * inside one is done by someone that community's audit log names in a role.
 */
export function requireInstanceAdmin(actor: Actor | null): Actor {
  const a = requireSignedIn(actor);
  if (!a.isAdmin) throw new ForbiddenError("Only an administrator of this instance can do this.");
  return a;
}

export async function isCommunityAdmin(db: Db, actor: Actor | null, communityId: string): Promise<boolean> {
  if (!actor) return false;
  const row = await db.communityAdmin.findUnique({ where: { communityId_userId: { communityId, userId: actor.id } }, select: { userId: true } });
  return row !== null;
}

export async function requireCommunityAdmin(db: Db, actor: Actor | null, communityId: string): Promise<Actor> {
  const a = requireSignedIn(actor);
  if (!(await isCommunityAdmin(db, a, communityId))) throw new ForbiddenError("Only an admin of this community can do this.");
  return a;
}

/** The community admins of the election's community (they appoint its officials). */
export async function requireElectionCommunityAdmin(db: Db, actor: Actor | null, electionId: string): Promise<Actor> {
  const a = requireSignedIn(actor);
  const e = await db.election.findUnique({ where: { id: electionId }, select: { communityId: true } });
  if (!e || !(await isCommunityAdmin(db, a, e.communityId))) throw new ForbiddenError("Only an admin of this election's community can do this.");
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

/** Officials of the election, or an admin of its community (who can step in, e.g. to cancel). */
export async function requireOfficialOrCommunityAdmin(db: Db, actor: Actor | null, electionId: string): Promise<Actor> {
  const a = requireSignedIn(actor);
  if (await isOfficial(db, a, electionId)) return a;
  const e = await db.election.findUnique({ where: { id: electionId }, select: { communityId: true } });
  if (e && (await isCommunityAdmin(db, a, e.communityId))) return a;
  throw new ForbiddenError("Only an official of this election or an admin of its community can do this.");
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
