// The database's word on the run: one Ballot (or sealed pending ballot) and one
// Participation per receipt returned, every receipt's HMAC stored, nobody twice.
import type pg from "pg";
import { run } from "./state";

export interface Verdict {
  receiptsReturned: number;
  distinctVoters: number;
  ballots: number;
  participations: number;
  receiptHashesFound: number;
  receiptHashFormatChecked: boolean;
  participantsMatch: boolean;
  secondCastRefused: boolean;
  doubleCastsAcceptedOnce: number;
  doubleCastsTried: number;
}

export async function verify(db: pg.Client, checks: { secondCastRefused: boolean; doubleWins: number; doubleTried: number }): Promise<{ verdict: Verdict; consistent: boolean }> {
  const { receiptHash } = await import("../../lib/ballots/receipt");
  const { openBallot } = await import("../../lib/ballots/sealed-ballot");
  const electionId = run.electionId;
  const receipts = run.receipts;
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM "${table}" WHERE "electionId" = $1`, [electionId])).rows[0].n);
  // Ballots still sealed in PendingBallot (fewer than a group) count too.
  const pendingRows = (await db.query<{ sealed: Buffer }>(`SELECT "sealed" FROM "PendingBallot" WHERE "electionId" = $1`, [electionId])).rows;
  const pendingHashes = pendingRows.map((r) => openBallot(electionId, r.sealed)?.receiptHash ?? "");
  const ballots = (await count("Ballot")) + pendingRows.length;
  const participations = await count("Participation");
  const distinctVoters = new Set(receipts.map((r) => r.voter)).size;
  // Receipt hashes are bound to the roll entry each voter's account voted for.
  const entryOfUser = new Map(
    (await db.query<{ u: string; e: string }>(`SELECT "userId" AS u, "entryId" AS e FROM "Participation" WHERE "electionId" = $1`, [electionId])).rows.map((r) => [r.u, r.e]),
  );
  const hashes = receipts.map((r) => receiptHash(entryOfUser.get(r.voter) ?? "", r.receipt));
  const stored = new Set([
    ...(await db.query<{ h: string }>(`SELECT "receiptHash" AS h FROM "Ballot" WHERE "electionId" = $1`, [electionId])).rows.map((r) => r.h),
    ...pendingHashes,
  ]);
  const found = hashes.filter((h) => stored.has(h)).length;
  const participants = new Set((await db.query<{ u: string }>(`SELECT "userId" AS u FROM "Participation" WHERE "electionId" = $1`, [electionId])).rows.map((r) => r.u));
  const participantsMatch = receipts.every((r) => participants.has(r.voter));
  const verdict: Verdict = {
    receiptsReturned: receipts.length,
    distinctVoters,
    ballots,
    participations,
    receiptHashesFound: found,
    receiptHashFormatChecked: stored.size > 0 && found > 0,
    participantsMatch,
    secondCastRefused: checks.secondCastRefused,
    doubleCastsAcceptedOnce: checks.doubleWins,
    doubleCastsTried: checks.doubleTried,
  };
  const consistent =
    ballots === receipts.length &&
    participations === receipts.length &&
    distinctVoters === receipts.length &&
    found === receipts.length &&
    participantsMatch &&
    checks.secondCastRefused &&
    checks.doubleWins === checks.doubleTried;
  return { verdict, consistent };
}
