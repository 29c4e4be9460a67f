import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { logger } from "@/lib/log/logger";
import { consume } from "@/lib/rate-limit";
import { findLiveBallot } from "./ballot-box";
import { BALLOT_TRANSACTION, SubmissionId, type CastReply } from "./cast-ballot";
import { addPending, flushIfDue } from "./flush-ballots";
import { checkRanking, RankingInput } from "./ranking";
import { derivedReceiptCode, receiptHash } from "./receipt";
import { lockRollEntry, notYourBallot, openBallotBox, votedEntryOf } from "./voting-window";

const Input = z.object({
  electionId: z.string().min(1),
  receipt: z.string().trim().min(1, "enter your receipt code").max(200),
  ranking: RankingInput,
  submissionId: SubmissionId.optional(),
});

/**
 * While voting is open, the voter who cast a ballot replaces it. It takes both
 * the signed-in voter and their receipt: the receipt hash is bound to the roll
 * entry the voter's account voted for, so someone else holding the code finds
 * nothing, and the voter cannot be locked out by a thief. The receipt rotates:
 * the old code stops working at once.
 *
 * The replacement is sealed into PendingBallot, naming the receipt hash it
 * supersedes; flush-ballots.ts swaps them in Ballot later, inside a group. No
 * Ballot row is touched by the voter's own transaction.
 */
export async function replaceBallot(actor: Actor | null, input: z.input<typeof Input>): Promise<CastReply> {
  const voter = requireSignedIn(actor);
  const { electionId, receipt, ranking, submissionId = randomUUID() } = parseInput(Input, input);
  // Keyed on the person, never on anything about the ballot.
  await consume("ballot", voter.id);
  const reply = await prisma.$transaction(async (tx) => {
    const { accepted } = await openBallotBox(tx, electionId);
    const entryId = await votedEntryOf(tx, voter, electionId);
    if (!entryId) throw notYourBallot();
    const tiers = checkRanking(ranking, accepted);
    await lockRollEntry(tx, entryId);
    const oldHash = receiptHash(entryId, receipt);
    const next = derivedReceiptCode(entryId, `replace:${oldHash}`, submissionId);
    const nextHash = receiptHash(entryId, next);
    if (!(await findLiveBallot(tx, electionId, oldHash))) {
      // A retry of a replacement that committed: answer as the first time.
      const recorded = await findLiveBallot(tx, electionId, nextHash);
      if (recorded) return { receipt: next, ranking: recorded.ranking };
      throw new NotFoundError("No ballot of yours in this election has that receipt (a replaced ballot's old receipt no longer works).");
    }
    const pending = await addPending(tx, electionId, { ranking: tiers, receiptHash: nextHash, supersedes: oldHash });
    return { receipt: next, ranking: tiers, pending };
  }, BALLOT_TRANSACTION);
  logger.info({ electionId }, "ballot replaced");
  await flushIfDue(electionId, reply.pending ?? 0);
  return { receipt: reply.receipt, ranking: reply.ranking };
}
