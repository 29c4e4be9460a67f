import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { matchingRollEntries } from "@/lib/electorate/check-eligibility";
import { parseInput } from "@/lib/elections/parse-input";
import { logger } from "@/lib/log/logger";
import { consume } from "@/lib/rate-limit";
import { findLiveBallot } from "./ballot-box";
import { addPending, flushIfDue } from "./flush-ballots";
import { checkRanking, RankingInput } from "./ranking";
import { derivedReceiptCode, receiptHash } from "./receipt";
import { openBallotBox } from "./voting-window";

/**
 * A voter would rather wait a few seconds for a database connection at peak
 * than be told their ballot failed; Prisma's default is 2 s.
 */
export const BALLOT_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

/** The browser's random id for one press of "cast": a retry with the same id gets the same receipt. */
export const SubmissionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "not a submission id");

const Input = z.object({ electionId: z.string().min(1), ranking: RankingInput, submissionId: SubmissionId.optional() });

export interface CastReply {
  receipt: string;
  /** The ballot as stored (a retry answers with what was recorded the first time). */
  ranking: string[][];
}

/**
 * An eligible voter's first ballot (PRODUCT §4, §6).
 *
 * One roll entry, one ballot: Participation is keyed on the roll entry that
 * names the voter, so a second account presenting the same login or email
 * (a re-registered GitHub login, an IdP's preferred_username) finds the entry
 * used; and it is unique per account, so an account that two entries name
 * votes once. Both are enforced by the database, whatever the number of tabs,
 * servers or accounts.
 *
 * What was voted is written sealed into PendingBallot in the same transaction
 * (so a committed participation always has its ballot), and moved into Ballot
 * later in a group (flush-ballots.ts). The receipt is bound to the roll entry
 * (receipt.ts), so it opens nothing in anyone else's hands.
 *
 * The reply is computed inside the transaction, and the code is derived from
 * the submission id: if the reply is lost after the commit, the same
 * submission answers with the same code instead of "already voted".
 */
export async function castBallot(actor: Actor | null, input: z.input<typeof Input>): Promise<CastReply> {
  const voter = requireSignedIn(actor);
  const { electionId, ranking, submissionId = randomUUID() } = parseInput(Input, input);
  // Keyed on the person, never on anything about the ballot.
  await consume("ballot", voter.id);
  const reply = await prisma.$transaction(async (tx) => {
    const { accepted } = await openBallotBox(tx, electionId);
    const tiers = checkRanking(ranking, accepted);
    const entries = await matchingRollEntries(tx, voter, electionId);
    if (entries.length === 0) throw new ForbiddenError("You are not on the electorate of this election; you can ask the officials for an exception.");

    // One query for both rules: has this account voted, and which of its entries are used.
    const used = await tx.participation.findMany({
      where: { electionId, OR: [{ userId: voter.id }, { entryId: { in: entries.map((e) => e.id) } }] },
      select: { entryId: true, userId: true },
    });
    const mine = used.find((u) => u.userId === voter.id);
    if (mine) {
      // A retry of a submission that committed: answer as the first time.
      const code = derivedReceiptCode(mine.entryId, "cast", submissionId);
      const recorded = await findLiveBallot(tx, electionId, receiptHash(mine.entryId, code));
      if (recorded) return { receipt: code, ranking: recorded.ranking };
      throw new ConflictError("You have already voted; use your receipt to replace your ballot.");
    }
    const free = entries.filter((e) => !used.some((u) => u.entryId === e.id));
    if (free.length === 0) {
      throw new ConflictError(
        "A ballot has already been cast for your entry on the electorate, from another account. If that was not you, tell the officials of this election.",
      );
    }
    const entryId = free[0].id;
    // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key and then
    // reports 0 rows, so exactly one of several simultaneous first ballots wins —
    // whether they come from one account (electionId, userId) or several (entryId).
    const { count } = await tx.participation.createMany({ data: [{ electionId, entryId, userId: voter.id }], skipDuplicates: true });
    if (count !== 1) throw new ConflictError("You have already voted; use your receipt to replace your ballot.");
    const code = derivedReceiptCode(entryId, "cast", submissionId);
    const pending = await addPending(tx, electionId, { ranking: tiers, receiptHash: receiptHash(entryId, code) });
    return { receipt: code, ranking: tiers, pending };
  }, BALLOT_TRANSACTION);
  // That someone voted is public on the roll; never who, next to anything about the ballot.
  logger.info({ electionId }, "ballot cast");
  await flushIfDue(electionId, reply.pending ?? 0);
  return { receipt: reply.receipt, ranking: reply.ranking };
}
