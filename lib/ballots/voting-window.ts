import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { isEligibleVoter } from "@/lib/electorate/check-eligibility";
import { findElectionForShare } from "@/lib/elections/find-election";
import { isVotingOpen } from "@/lib/elections/phase";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { Election } from "@/lib/generated/prisma/client";

/**
 * The checks every ballot write makes inside its transaction: the election is
 * locked in share mode (closing waits for us), voting is open by the server's
 * clock, and the actor is on the roll. Returns the election and its accepted candidate ids.
 */
export async function openBallotBox(tx: Tx, actor: Actor, electionId: string): Promise<{ election: Election; accepted: Set<string> }> {
  const election = await findElectionForShare(tx, electionId);
  if (!isVotingOpen(election)) throw new ConflictError("Voting is not open.");
  if (!(await isEligibleVoter(tx, actor, electionId))) {
    throw new ForbiddenError("You are not on the electorate of this election; you can ask the officials for an exception.");
  }
  const rows = await tx.candidacy.findMany({ where: { electionId, status: "ACCEPTED" }, select: { id: true } });
  return { election, accepted: new Set(rows.map((r) => r.id)) };
}
