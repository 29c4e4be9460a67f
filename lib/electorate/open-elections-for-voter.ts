// "My elections": what a signed-in member can take part in right now, across
// communities. Display only (it authorizes nothing; casting checks again).
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/auth/permissions";
import { areNominationsOpen, isVotingOpen } from "@/lib/elections/phase";
import { PUBLIC_ELECTION_WHERE } from "@/lib/elections/visibility";
import { rollEntryWhere } from "./check-eligibility";

export interface OpenElectionRef {
  id: string;
  slug: string;
  title: string;
  community: { slug: string; name: string };
}

export interface VotingElection extends OpenElectionRef {
  votingCloseAt: Date;
  /** Whether this account has voted: only that, never anything about the ballot. */
  voted: boolean;
}

export interface NominatingElection extends OpenElectionRef {
  nominationsCloseAt: Date;
}

export interface OpenElectionsForVoter {
  voting: VotingElection[];
  nominations: NominatingElection[];
}

const REF = { id: true, slug: true, title: true, community: { select: { slug: true, name: true } } } as const;
const SCHEDULE = { state: true, nominationsOpenAt: true, nominationsCloseAt: true, votingOpenAt: true, votingCloseAt: true } as const;

/**
 * Voting: every election open for voting whose roll names the person (imported,
 * or added by a granted exception), soonest closing first, with whether they
 * voted. Nominations: elections taking declarations in communities where some
 * public election's roll names them (members of that community, in effect).
 */
export async function openElectionsForVoter(db: Db, actor: Actor | null, now: Date = new Date()): Promise<OpenElectionsForVoter> {
  const onRoll = rollEntryWhere(actor);
  if (!actor || !onRoll) return { voting: [], nominations: [] };
  const [votingRows, rollCommunities] = await Promise.all([
    db.election.findMany({
      where: { state: "SCHEDULED", votingOpenAt: { lte: now }, votingCloseAt: { gt: now }, electorate: { some: onRoll } },
      select: { ...REF, ...SCHEDULE, participations: { where: { userId: actor.id }, select: { userId: true } } },
      orderBy: [{ votingCloseAt: "asc" }, { title: "asc" }],
    }),
    db.election.findMany({ where: { ...PUBLIC_ELECTION_WHERE, electorate: { some: onRoll } }, select: { communityId: true }, distinct: ["communityId"] }),
  ]);
  const nominationRows =
    rollCommunities.length === 0
      ? []
      : await db.election.findMany({
          where: { state: "SCHEDULED", nominationsOpenAt: { lte: now }, nominationsCloseAt: { gt: now }, communityId: { in: rollCommunities.map((r) => r.communityId) } },
          select: { ...REF, ...SCHEDULE },
          orderBy: [{ nominationsCloseAt: "asc" }, { title: "asc" }],
        });
  return {
    // The query narrows; the phase rule (shared with the ballot box) decides.
    voting: votingRows
      .filter((e) => isVotingOpen(e, now))
      .map((e) => ({ id: e.id, slug: e.slug, title: e.title, community: e.community, votingCloseAt: e.votingCloseAt!, voted: e.participations.length > 0 })),
    nominations: nominationRows
      .filter((e) => areNominationsOpen(e, now))
      .map((e) => ({ id: e.id, slug: e.slug, title: e.title, community: e.community, nominationsCloseAt: e.nominationsCloseAt! })),
  };
}
