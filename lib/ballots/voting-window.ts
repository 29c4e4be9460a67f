import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { findElectionForShare } from "@/lib/elections/find-election";
import { isVotingOpen } from "@/lib/elections/phase";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { Election } from "@/lib/generated/prisma/client";

/**
 * The checks every ballot write makes inside its transaction: the election is
 * locked in share mode (closing waits for us), and voting is open by the
 * server's clock. Returns the election and its accepted candidate ids.
 */
export async function openBallotBox(tx: Tx, electionId: string): Promise<{ election: Election; accepted: Set<string> }> {
  const election = await findElectionForShare(tx, electionId);
  if (!isVotingOpen(election)) throw new ConflictError("Voting is not open.");
  const rows = await tx.candidacy.findMany({ where: { electionId, status: "ACCEPTED" }, select: { id: true } });
  return { election, accepted: new Set(rows.map((r) => r.id)) };
}

/** The roll entry this account voted for, or null if it has not voted in the election. */
export async function votedEntryOf(db: Db, actor: Actor, electionId: string): Promise<string | null> {
  const p = await db.participation.findUnique({ where: { electionId_userId: { electionId, userId: actor.id } }, select: { entryId: true } });
  return p?.entryId ?? null;
}

/**
 * Serialises one roll entry's ballot writes (its replacements) without writing
 * anything: a row lock would stamp the locking transaction's id on the
 * Participation row, which is exactly the kind of trail the ballot box avoids.
 */
export async function lockRollEntry(tx: Tx, entryId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7248533, hashtext(${entryId}))`;
}

export function notYourBallot(): ForbiddenError {
  return new ForbiddenError("You have not voted in this election with this account; only the voter who cast a ballot can see or change it.");
}
