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

export const electionBySlug = cache(async (slug: string) => {
  return prisma.election.findUnique({ where: { slug } });
});

/**
 * The election's title for a page's <title>, or null when the public may not see
 * the election. Metadata is rendered apart from the page, even when the page
 * itself answers 404, so it must not name a private election to anyone.
 */
export async function publicElectionTitle(slug: string): Promise<string | null> {
  const e = await electionBySlug(slug);
  return e && isPublicElection(e) ? e.title : null;
}

export type ElectionRow = NonNullable<Awaited<ReturnType<typeof electionBySlug>>>;

export const isOfficialOf = cache(async (actorId: string | undefined, electionId: string): Promise<boolean> => {
  if (!actorId) return false;
  const row = await prisma.official.findUnique({ where: { electionId_userId: { electionId, userId: actorId } } });
  return row !== null;
});

/** The election for a page, or 404 — elections not (yet) public exist only for their officials and admins. */
export async function loadElection(slug: string) {
  const [election, actor] = await Promise.all([electionBySlug(slug), currentActor()]);
  if (!election) notFound();
  const official = await isOfficialOf(actor?.id, election.id);
  if (!isPublicElection(election) && !official && !actor?.isAdmin) notFound();
  return { election, actor, official, phase: electionPhase(election) };
}
