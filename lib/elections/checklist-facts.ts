// Read side of the lifecycle checklist: the few counts it decides from. Kept
// beside the pure checklist so the page and its test read them the same way.
import type { Db } from "@/lib/auth/permissions";
import type { Election } from "@/lib/generated/prisma/client";
import { continuingMembersOf } from "./election-input";
import type { ChecklistFacts } from "./lifecycle-checklist";

/** The facts the lifecycle checklist decides from, read in one round of small queries. */
export async function checklistFacts(db: Db, election: Election, now: Date): Promise<ChecklistFacts> {
  const id = election.id;
  const [byStatus, accepted, pendingExceptions, electorate, participations, ballots, result] = await Promise.all([
    db.candidacy.groupBy({ by: ["status"], where: { electionId: id }, _count: { _all: true } }),
    db.candidacy.findMany({ where: { electionId: id, status: "ACCEPTED" }, select: { displayName: true, affiliation: true } }),
    db.exceptionRequest.count({ where: { electionId: id, status: "PENDING" } }),
    db.electorateEntry.count({ where: { electionId: id } }),
    db.participation.count({ where: { electionId: id } }),
    db.ballot.count({ where: { electionId: id } }),
    db.result.findUnique({ where: { electionId: id }, select: { data: true } }),
  ]);
  const count = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  const data = result?.data as { unopposed?: unknown } | null | undefined;
  return {
    election,
    continuingMembers: continuingMembersOf(election),
    candidacies: {
      submitted: count("SUBMITTED"),
      rejected: count("REJECTED"),
      withdrawn: count("WITHDRAWN"),
      accepted: accepted.map((c) => ({ name: c.displayName, affiliation: c.affiliation })),
    },
    pendingExceptions,
    electorate,
    participations,
    ballots,
    result: result ? { unopposed: data?.unopposed === true } : null,
    now,
  };
}
