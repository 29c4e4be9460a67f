// At close, before anything is counted: every ballot and every participation
// of the election is rewritten in one transaction, in random order, with fresh
// ballot ids; then the superseded row versions are vacuumed away. Afterwards
// all of them carry the same transaction id and positions that follow no
// order of casting, so no system column, position or timing pairs a voter
// with a ballot (PRODUCT §6).
import { prisma, type Tx } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { movePending } from "./flush-ballots";

export interface ShuffleReport {
  ballots: number;
  participations: number;
  /** Pending rows that did not open under this server's key (left in place; the tally refuses). */
  unreadable: number;
}

/** Inside the closing transaction, after the election row says CLOSED (no ballot can arrive any more). */
export async function shuffleBallotBox(tx: Tx, electionId: string): Promise<ShuffleReport> {
  const { unreadable } = await movePending(tx, electionId, { force: true });
  // gen_random_uuid() draws from the server's strong random source; the rows are
  // deleted first (the sort needs them all), so re-inserting the same receipt
  // hashes does not collide with their old versions.
  const ballots = await tx.$executeRaw`
    WITH gone AS (DELETE FROM "Ballot" WHERE "electionId" = ${electionId} RETURNING "electionId", "ranking", "receiptHash")
    INSERT INTO "Ballot" ("id", "electionId", "ranking", "receiptHash")
    SELECT gen_random_uuid()::text, "electionId", "ranking", "receiptHash" FROM gone ORDER BY gen_random_uuid()`;
  const participations = await tx.$executeRaw`
    WITH gone AS (DELETE FROM "Participation" WHERE "electionId" = ${electionId} RETURNING "electionId", "entryId", "userId")
    INSERT INTO "Participation" ("electionId", "entryId", "userId")
    SELECT "electionId", "entryId", "userId" FROM gone ORDER BY gen_random_uuid()`;
  return { ballots, participations, unreadable };
}

/**
 * Removes the dead row versions the rewrite left behind (they would still hold
 * the old transaction ids and positions on disk). VACUUM cannot run inside a
 * transaction, so this runs after the close commits, and again before a tally.
 * Returns false (and logs) when the database role may not vacuum these tables
 * (PostgreSQL before 17 has no MAINTAIN privilege: see README, "Database roles").
 */
export async function vacuumBallotTables(): Promise<boolean> {
  try {
    // INDEX_CLEANUP ON: also drop the dead line pointers, not only the row data.
    await prisma.$executeRawUnsafe('VACUUM (INDEX_CLEANUP ON) "Ballot", "Participation", "PendingBallot"');
    return true;
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    logger.warn({ error: error instanceof Error ? error.name : "unknown", code: typeof code === "string" ? code : undefined }, "could not vacuum the ballot tables");
    return false;
  }
}
