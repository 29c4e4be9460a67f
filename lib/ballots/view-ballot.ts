import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findElection } from "@/lib/elections/find-election";
import { isVotingOpen } from "@/lib/elections/phase";
import { parseInput } from "@/lib/elections/parse-input";
import { receiptHash } from "./receipt";

const Input = z.object({ electionId: z.string().min(1), receipt: z.string().trim().min(1, "enter your receipt code").max(200) });

/**
 * The ballot a receipt names. The code is the credential (the ballot cannot
 * name its voter), so no sign-in is needed: while voting is open, and after
 * publication when the election publishes its ballots — which then shows
 * nothing that the published list does not already show.
 */
export async function viewBallot(_actor: Actor | null, input: z.input<typeof Input>): Promise<{ ranking: string[][]; receiptHash: string }> {
  const { electionId, receipt } = parseInput(Input, input);
  const hash = receiptHash(receipt);
  const e = await findElection(prisma, electionId);
  const published = e.state === "PUBLISHED" && e.publishBallots;
  if (!isVotingOpen(e) && !published) {
    throw new ConflictError("A receipt can be checked while voting is open, or in the published ballots after the results are out.");
  }
  const b = await prisma.ballot.findFirst({ where: { electionId, receiptHash: hash }, select: { ranking: true } });
  if (!b) throw new NotFoundError("No ballot in this election has that receipt (a replaced ballot's old receipt no longer works).");
  return { ranking: b.ranking as string[][], receiptHash: hash };
}
