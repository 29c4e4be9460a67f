import { cache } from "react";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import { electionPhase } from "@/lib/elections/phase";
import { isPublicElection } from "@/lib/elections/visibility";

// Display-side lookups shared by the election pages. They decide what to SHOW;
// every write is still authorized by its use case on the server.

export const currentActor = cache(async (): Promise<Actor | null> => getActor());

export interface ElectionAddress {
  community: string;
  slug: string;
}

export const electionBySlug = cache(async (community: string, slug: string) => {
  return prisma.election.findFirst({
    where: { slug, community: { slug: community } },
    include: { community: { select: { id: true, slug: true, name: true, committeeName: true, rollFormats: true } } },
  });
});

export type ElectionRow = NonNullable<Awaited<ReturnType<typeof electionBySlug>>>;

export const isOfficialOf = cache(async (actorId: string | undefined, electionId: string): Promise<boolean> => {
  if (!actorId) return false;
  const row = await prisma.official.findUnique({ where: { electionId_userId: { electionId, userId: actorId } } });
  return row !== null;
});

export const isCommunityAdminOf = cache(async (actorId: string | undefined, communityId: string): Promise<boolean> => {
  if (!actorId) return false;
  const row = await prisma.communityAdmin.findUnique({ where: { communityId_userId: { communityId, userId: actorId } } });
  return row !== null;
});

/**
 * The election for a page, or 404: elections not (yet) public exist only for
 * their officials and their community's admins. `official` is the election's
 * own role; `communityAdmin` may see the dashboard, cancel and appoint.
 */
export async function loadElection(address: ElectionAddress) {
  const [election, actor] = await Promise.all([electionBySlug(address.community, address.slug), currentActor()]);
  if (!election) notFound();
  const [official, communityAdmin] = await Promise.all([isOfficialOf(actor?.id, election.id), isCommunityAdminOf(actor?.id, election.communityId)]);
  if (!isPublicElection(election) && !official && !communityAdmin) notFound();
  return { election, actor, official, communityAdmin, canManage: official || communityAdmin, phase: electionPhase(election) };
}

/**
 * The election if this visitor may see it, by loadElection's rule, else null.
 * For generateMetadata: it runs beside the page, so a title built from an
 * unchecked lookup would name a hidden draft on the very 404 that hides it.
 */
export async function visibleElection(address: ElectionAddress): Promise<ElectionRow | null> {
  const [election, actor] = await Promise.all([electionBySlug(address.community, address.slug), currentActor()]);
  if (!election) return null;
  if (isPublicElection(election)) return election;
  if (await isOfficialOf(actor?.id, election.id)) return election;
  return (await isCommunityAdminOf(actor?.id, election.communityId)) ? election : null;
}
