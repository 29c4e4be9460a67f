// "Elections you run" on My elections: every election the person is an official
// of, whatever its state, so an official always has a way to its dashboard
// (the "Needs you" list shows only those waiting on them). Display only.
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/auth/permissions";
import { electionGroup, GROUP_ORDER } from "@/lib/communities/election-groups";
import { ELECTION_DATES_SELECT, electionPhase, votingEndedAt, type Phase } from "@/lib/elections/phase";

const SELECT = {
  id: true,
  slug: true,
  title: true,
  seats: true,
  ...ELECTION_DATES_SELECT,
  community: { select: { slug: true, name: true } },
} as const;

/** Live ones first (open, then upcoming and drafts), then those over (latest end first), cancelled last. */
export async function electionsYouRun(db: Db, actor: Actor | null, now: Date = new Date()) {
  if (!actor) return [];
  const rows = await db.election.findMany({ where: { officials: { some: { userId: actor.id } } }, select: SELECT, orderBy: [{ createdAt: "desc" }] });
  const ended = (e: (typeof rows)[number]) => (e.state === "CANCELLED" ? e.cancelledAt : votingEndedAt(e))?.getTime() ?? 0;
  return rows
    .map((e) => ({ ...e, phase: electionPhase(e, now) as Phase, group: electionGroup(e, now) }))
    .sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || (a.group === "past" || a.group === "cancelled" ? ended(b) - ended(a) : 0));
}

export type RunElection = Awaited<ReturnType<typeof electionsYouRun>>[number];
