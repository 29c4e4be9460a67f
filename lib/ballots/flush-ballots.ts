// Moves sealed pending ballots into Ballot in groups, so that no system
// column or storage position ever singles a ballot out (PRODUCT §6).
//
// Why groups: a row carries the id of the transaction that wrote it (xmin) and
// a physical position (ctid). A ballot written by its voter's own transaction
// shares the xmin of the voter's Participation row; one written by a
// transaction right after (the old "mix") has xmin + 1; one written alone sits
// alone at the end of the table. So a ballot is only ever written to Ballot
// together with at least MIN_GROUP - 1 others, in random order, with a fresh
// random id, by a transaction no voter started. Until then it waits sealed in
// PendingBallot (lib/ballots/sealed-ballot.ts), unreadable without the key.
//
// Groups never shrink: when a replacement removes a ballot from Ballot, the
// whole group that ballot belonged to (every row sharing its xmin) is
// rewritten together with the new ones, so a group of nine is never worn down
// to one by later re-votes.
import { randomUUID } from "node:crypto";
import { prisma, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { readPending } from "./ballot-box";
import { shuffle } from "./shuffle";
import { sealBallot, type PendingItem } from "./sealed-ballot";

/** The smallest number of ballots that ever share a transaction id in Ballot (while voting is open). */
export const MIN_GROUP = 9;

// pg_advisory_xact_lock(namespace, hashtext(electionId)): one flush per election at a time.
const FLUSH_LOCK_NAMESPACE = 7248532;

export interface FlushReport {
  /** Ballots written to Ballot (new ones and the rewritten members of touched groups). */
  written: number;
  /** Pending rows consumed. */
  consumed: number;
  /** Pending rows that do not open under this server's key; they stay, and the tally refuses while they do. */
  unreadable: number;
}

/**
 * Inside the casting transaction: seals the item into PendingBallot and
 * answers how many pending rows the election now has, in one round trip, so
 * the caller attempts a flush only when a group could be formed.
 */
export async function addPending(tx: Tx, electionId: string, item: PendingItem): Promise<number> {
  const sealed = Buffer.from(sealBallot(electionId, item));
  // The count runs on the statement's snapshot, which does not see the row being inserted: hence + 1.
  const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
    WITH added AS (INSERT INTO "PendingBallot" ("id", "electionId", "sealed") VALUES (${randomUUID()}, ${electionId}, ${sealed}) RETURNING 1)
    SELECT ((SELECT count(*) FROM "PendingBallot" WHERE "electionId" = ${electionId}) + (SELECT count(*) FROM added))::int AS n`;
  return n;
}

/** After the casting transaction commits: flush if `pending` (addPending's answer) could make a group. */
export async function flushIfDue(electionId: string, pending: number): Promise<void> {
  if (pending >= MIN_GROUP) await flushPendingBallots(electionId);
}

/**
 * After a ballot is cast or replaced: move the pending ballots if there are
 * enough to form a group. Never throws: the voter's ballot is committed
 * already, and a flush that fails (a killed process, a database restart) leaves
 * the ballots sealed and pending, to be moved by the next flush or at close.
 */
export async function flushPendingBallots(electionId: string): Promise<FlushReport | null> {
  try {
    return await prisma.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${FLUSH_LOCK_NAMESPACE}::int, hashtext(${electionId})) AS locked`;
      // Another flush of this election is running: it, or the next one, takes these too.
      if (!locked) return null;
      return movePending(tx, electionId, { force: false });
    });
  } catch (error) {
    // Only the error's kind: a database message could quote a receipt hash.
    const code = (error as { code?: unknown })?.code;
    logger.warn({ error: error instanceof Error ? error.name : "unknown", code: typeof code === "string" ? code : undefined }, "ballot flush failed; the next ballot or the close retries it");
    return null;
  }
}

/**
 * Inside the caller's transaction: opens the pending ballots of the election
 * and moves them into Ballot with the groups they touch. Without `force` it
 * does nothing unless the group written would hold at least MIN_GROUP ballots.
 */
export async function movePending(tx: Tx, electionId: string, opts: { force: boolean }): Promise<FlushReport> {
  if (opts.force) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FLUSH_LOCK_NAMESPACE}::int, hashtext(${electionId}))`;
  const nothing = { written: 0, consumed: 0, unreadable: 0 };
  const pending = await readPending(tx, electionId);
  const opened = pending.flatMap((p) => (p.item ? [{ id: p.id, item: p.item }] : []));
  const unreadable = pending.length - opened.length;
  if (!opts.force && opened.length < MIN_GROUP) return { ...nothing, unreadable };

  const superseded = new Set(opened.flatMap((p) => (p.item.supersedes ? [p.item.supersedes] : [])));
  const fresh = opened.filter((p) => !superseded.has(p.item.receiptHash)).map((p) => ({ ranking: p.item.ranking, receiptHash: p.item.receiptHash }));
  const replaced = [...superseded];
  // Every row sharing a transaction id with a ballot being replaced: its group, rewritten whole.
  const survivors = replaced.length
    ? await tx.$queryRaw<{ id: string; ranking: unknown; receiptHash: string }[]>`
        SELECT "id", "ranking", "receiptHash" FROM "Ballot"
        WHERE "electionId" = ${electionId}
          AND xmin::text IN (SELECT xmin::text FROM "Ballot" WHERE "electionId" = ${electionId} AND "receiptHash" = ANY(${replaced}::text[]))
          AND NOT ("receiptHash" = ANY(${replaced}::text[]))`
    : [];
  if (!opts.force && fresh.length + survivors.length < MIN_GROUP) return { ...nothing, unreadable };

  const rows = shuffle([
    ...fresh.map((f) => ({ id: randomUUID(), electionId, ranking: f.ranking as Prisma.InputJsonValue, receiptHash: f.receiptHash })),
    ...survivors.map((s) => ({ id: s.id, electionId, ranking: s.ranking as Prisma.InputJsonValue, receiptHash: s.receiptHash })),
  ]);
  const gone = [...replaced, ...survivors.map((s) => s.receiptHash)];
  if (gone.length) await tx.ballot.deleteMany({ where: { electionId, receiptHash: { in: gone } } });
  if (rows.length) await tx.ballot.createMany({ data: rows });
  await tx.pendingBallot.deleteMany({ where: { id: { in: opened.map((p) => p.id) } } });
  logger.debug({ electionId, written: rows.length, consumed: opened.length, unreadable }, "ballots moved into the box");
  return { written: rows.length, consumed: opened.length, unreadable };
}

