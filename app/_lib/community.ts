import { ELECTION_DATES_SELECT } from "@/lib/elections/phase";
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { groupElections } from "@/lib/communities/election-groups";
import { descriptionLine } from "@/lib/communities/summary";
import { visibleElectionsWhere } from "@/lib/elections/visibility";
import type { Actor } from "@/lib/auth/actor";

// Display-side lookup of a community by its address, shared by its pages and
// their generateMetadata. Never the logo's bytes: the logo route serves them.
export const communityBySlug = cache(async (slug: string) =>
  prisma.community.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      governanceUrl: true,
      logoType: true,
      committeeName: true,
      defaultSeats: true,
      defaultMethod: true,
      defaultUnranked: true,
      defaultMaxPerAffiliation: true,
      rollFormats: true,
      updatedAt: true,
    },
  }),
);

export type CommunityRow = NonNullable<Awaited<ReturnType<typeof communityBySlug>>>;

/**
 * Every community with how many of its elections are open (nominations or
 * voting) right now; for the instance page and the home page. Drafts never count.
 */
export async function communityCards() {
  const [communities, scheduled] = await Promise.all([
    prisma.community.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, description: true, logoType: true, updatedAt: true } }),
    prisma.election.findMany({
      where: { state: "SCHEDULED" },
      select: { communityId: true, state: true, nominationsOpenAt: true, nominationsCloseAt: true, votingOpenAt: true, votingCloseAt: true },
    }),
  ]);
  const open = new Map<string, number>();
  for (const e of groupElections(scheduled).open) open.set(e.communityId, (open.get(e.communityId) ?? 0) + 1);
  return communities.map((c) => ({ ...c, summary: descriptionLine(c.description), openElections: open.get(c.id) ?? 0 }));
}

export type CommunityCardRow = Awaited<ReturnType<typeof communityCards>>[number];

const OFFICIAL_ROLE_ACTIONS = ["official.appointed", "official.removed"];

/** The community's own audit entries and its elections' official appointments, newest first. */
export async function communityAuditEntries(communityId: string, take = 50) {
  const elections = await prisma.election.findMany({ where: { communityId }, select: { id: true, title: true } });
  const titles = new Map(elections.map((e) => [e.id, e.title]));
  const rows = await prisma.auditEntry.findMany({
    where: { OR: [{ communityId }, { electionId: { in: [...titles.keys()] }, action: { in: OFFICIAL_ROLE_ACTIONS } }] },
    orderBy: { seq: "desc" },
    take,
    select: { seq: true, createdAt: true, actorLabel: true, action: true, details: true, electionId: true },
  });
  return rows.map(({ electionId, ...r }) => ({ ...r, electionTitle: electionId ? (titles.get(electionId) ?? null) : null }));
}

/**
 * The community's elections this visitor may see, by the election pages' rule
 * (`visibleElectionsWhere`: public ones for everyone, a private one for its
 * officials and this community's admins). Latest first.
 */
export async function visibleCommunityElections(communityId: string, actor: Actor | null) {
  return prisma.election.findMany({
    where: { AND: [{ communityId }, visibleElectionsWhere(actor?.id)] },
    orderBy: [{ votingCloseAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: {
      slug: true,
      title: true,
      seats: true,
      ...ELECTION_DATES_SELECT,
    },
  });
}
