import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { consume } from "@/lib/rate-limit";
import { mixBallots } from "./mix-ballots";
import { checkRanking, RankingInput } from "./ranking";
import { newReceiptCode, receiptHash } from "./receipt";
import { openBallotBox } from "./voting-window";

const Input = z.object({ electionId: z.string().min(1), receipt: z.string().trim().min(1, "enter your receipt code").max(200), ranking: RankingInput });

/**
 * While voting is open, an eligible voter who has voted replaces the ballot
 * their receipt names. The receipt rotates: the old code stops working, so a
 * code seen over someone's shoulder is worth nothing after a re-vote. The
 * ballot cannot be tied to the voter, so the receipt is the proof of ownership.
 */
export async function replaceBallot(actor: Actor | null, input: z.input<typeof Input>): Promise<{ receipt: string }> {
  const voter = requireSignedIn(actor);
  const { electionId, receipt, ranking } = parseInput(Input, input);
  const oldHash = receiptHash(receipt);
  // Keyed on the person, never on anything about the ballot.
  await consume("ballot", voter.id);
  const next = newReceiptCode();
  const nextHash = receiptHash(next);
  await prisma.$transaction(async (tx) => {
    const { accepted } = await openBallotBox(tx, voter, electionId);
    const voted = await tx.participation.findUnique({ where: { electionId_userId: { electionId, userId: voter.id } }, select: { userId: true } });
    if (!voted) throw new ForbiddenError("You have not voted in this election yet.");
    const tiers = checkRanking(ranking, accepted);
    // Conditional on the old hash, so two replacements with one code cannot both succeed.
    const { count } = await tx.ballot.updateMany({ where: { electionId, receiptHash: oldHash }, data: { ranking: tiers, receiptHash: nextHash } });
    if (count !== 1) throw new NotFoundError("No ballot in this election has that receipt (a replaced ballot's old receipt no longer works).");
  });
  // The replacement happened in a transaction the signed-in voter started: mix it like a new ballot.
  const replaced = await prisma.ballot.findUnique({ where: { receiptHash: nextHash }, select: { id: true } });
  if (replaced) await mixBallots(electionId, [replaced.id]);
  return { receipt: next };
}
