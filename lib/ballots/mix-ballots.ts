import { randomInt, randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

/** How many other ballots each mix rewrites together with the new one. */
export const MIX_COMPANIONS = 8;

/**
 * Cuts the storage-level trail from a ballot to its voter.
 *
 * Casting writes Participation and Ballot in one transaction — that is what
 * makes "one voter, one ballot" hold under concurrency — so both rows carry
 * the same transaction id in PostgreSQL's hidden `xmin` column, and both land
 * at the end of their tables, in casting order. Anyone with a copy of the
 * database could pair them by either. So right after casting (and after a
 * replacement), a second transaction deletes the new ballot together with up
 * to MIX_COMPANIONS ballots drawn at random from the same election (a draw
 * past the last id finds nothing, so a group can be smaller) and inserts
 * them all again, in random order, with their ids, rankings and receipt hashes
 * unchanged. Every live ballot row then carries the xmin of some mix shared by
 * a group of ballots, and its position says nothing about when it was cast;
 * each later mix re-draws old ballots, so the groups keep growing.
 *
 * The superseded row versions stay on disk as dead tuples until VACUUM
 * reclaims them; they are invisible to SQL and to pg_dump.
 *
 * Row locks are taken with SKIP LOCKED: a ballot another mix holds is already
 * being mixed, and waiting could only deadlock.
 */
export async function mixBallots(electionId: string, ballotIds: string[]): Promise<void> {
  try {
    await prisma.$transaction(async (tx) => {
      const own = ballotIds.length
        ? await tx.$queryRaw<Row[]>`
            SELECT "id", "ranking", "receiptHash" FROM "Ballot"
            WHERE "electionId" = ${electionId} AND "id" IN (${Prisma.join(ballotIds)})
            FOR UPDATE SKIP LOCKED`
        : [];
      // Ballot ids are random UUIDs, so "the first ballot at or after a random
      // UUID" is a random ballot, found by one index lookup per companion —
      // unlike ORDER BY random(), which reads the whole election every cast.
      const pivots = Array.from({ length: MIX_COMPANIONS }, () => randomUUID());
      const companions = await tx.$queryRaw<Row[]>`
        SELECT b."id", b."ranking", b."receiptHash"
        FROM unnest(${pivots}::text[]) AS p(pivot)
        CROSS JOIN LATERAL (
          SELECT "id", "ranking", "receiptHash" FROM "Ballot"
          WHERE "electionId" = ${electionId} AND "id" >= p.pivot AND NOT ("id" = ANY(${ballotIds}::text[]))
          ORDER BY "id" LIMIT 1
          FOR UPDATE SKIP LOCKED
        ) b`;
      const unique = new Map([...own, ...companions].map((r) => [r.id, r]));
      const rows = shuffle([...unique.values()]);
      if (rows.length === 0) return;
      await tx.ballot.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      await tx.ballot.createMany({
        data: rows.map((r) => ({ id: r.id, electionId, ranking: r.ranking as Prisma.InputJsonValue, receiptHash: r.receiptHash })),
      });
    });
  } catch (error) {
    // The ballot is safely recorded either way; a failed mix only leaves it
    // unmixed until a later mix draws it. Nothing about the ballot is logged.
    // Only the error's kind: a database message could quote a ballot id or receipt hash.
    const code = (error as { code?: unknown })?.code;
    logger.warn({ error: error instanceof Error ? error.name : "unknown", code: typeof code === "string" ? code : undefined }, "ballot mix failed");
  }
}

interface Row {
  id: string;
  ranking: unknown;
  receiptHash: string;
}

/** Fisher–Yates with a cryptographic generator: the order must not be predictable. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
