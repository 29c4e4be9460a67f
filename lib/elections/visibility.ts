import type { Db } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

// Who may see an election at all (PRODUCT §1: visitors read public election
// pages). A draft is private to its officials and its community's admins; so is a draft
// cancelled before it was ever opened, whose title and candidates were never public.

export function isPublicElection(e: { state: string; openedAt: Date | null }): boolean {
  if (e.state === "DRAFT") return false;
  if (e.state === "CANCELLED" && e.openedAt === null) return false;
  return true;
}

/** The same rule as a query filter, for lists. */
export const PUBLIC_ELECTION_WHERE = {
  NOT: [{ state: "DRAFT" }, { state: "CANCELLED", openedAt: null }],
} satisfies Prisma.ElectionWhereInput;

/** What the rule needs to know of an election. */
export type VisibilityFacts = { id: string; state: string; openedAt: Date | null; communityId: string };

/**
 * Whether this person may see the election at all: a public one anyone may;
 * a private one only its officials and its own community's admins. Nobody
 * else, an instance admin or another community's admin included, learns it exists.
 */
export async function canSeeElection(db: Db, actorId: string | undefined, e: VisibilityFacts): Promise<boolean> {
  if (isPublicElection(e)) return true;
  if (!actorId) return false;
  const [official, admin] = await Promise.all([
    db.official.findUnique({ where: { electionId_userId: { electionId: e.id, userId: actorId } }, select: { userId: true } }),
    db.communityAdmin.findUnique({ where: { communityId_userId: { communityId: e.communityId, userId: actorId } }, select: { userId: true } }),
  ]);
  return official !== null || admin !== null;
}

/** The same rule as a query filter, for lists shown to a person (anonymous: the public ones). */
export function visibleElectionsWhere(actorId: string | undefined): Prisma.ElectionWhereInput {
  if (!actorId) return PUBLIC_ELECTION_WHERE;
  return { OR: [PUBLIC_ELECTION_WHERE, { officials: { some: { userId: actorId } } }, { community: { admins: { some: { userId: actorId } } } }] };
}
