// Reading the ballot box of an election: the ballots already in Ballot, and
// the sealed ones still pending (lib/ballots/flush-ballots.ts moves them).
import type { Db } from "@/lib/auth/permissions";
import { openBallot, type PendingItem } from "./sealed-ballot";

export interface OpenedPending {
  id: string;
  /** Null: the row does not open under this server's key (forged, or from another election). */
  item: PendingItem | null;
}

/** Every pending row of the election, opened. There are few: they move to Ballot in groups. */
export async function readPending(db: Db, electionId: string): Promise<OpenedPending[]> {
  const rows = await db.pendingBallot.findMany({ where: { electionId }, select: { id: true, sealed: true } });
  return rows.map((r) => ({ id: r.id, item: openBallot(electionId, r.sealed) }));
}

/**
 * The ranking of the ballot stored under `receiptHash`, wherever it is now,
 * or null when there is none — or when a pending replacement already
 * supersedes it (a replaced ballot's receipt stops working at once, not only
 * once the replacement has moved into Ballot).
 */
export async function findLiveBallot(db: Db, electionId: string, receiptHash: string): Promise<{ ranking: string[][] } | null> {
  // Pending first, then Ballot: a flush moves a ballot from one to the other in
  // one transaction, so looking in this order never misses it mid-move.
  const pending = await readPending(db, electionId);
  if (pending.some((p) => p.item?.supersedes === receiptHash)) return null;
  const waiting = pending.find((p) => p.item?.receiptHash === receiptHash);
  if (waiting?.item) return { ranking: waiting.item.ranking };
  const stored = await db.ballot.findFirst({ where: { electionId, receiptHash }, select: { ranking: true } });
  return stored ? { ranking: stored.ranking as string[][] } : null;
}
