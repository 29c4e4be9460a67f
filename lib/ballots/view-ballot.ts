import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findElection } from "@/lib/elections/find-election";
import { isVotingOpen } from "@/lib/elections/phase";
import { parseInput } from "@/lib/elections/parse-input";
import { findLiveBallot } from "./ballot-box";
import { receiptHash } from "./receipt";
import { notYourBallot, votedEntryOf } from "./voting-window";

const Input = z.object({ electionId: z.string().min(1), receipt: z.string().trim().min(1, "enter your receipt code").max(200) });

/**
 * The signed-in voter's own ballot, by their receipt: while voting is open,
 * and after publication when the election publishes its ballots (the hash is
 * then the `receipt` field of the published list, where anyone can see the
 * ballot was counted). The code alone opens nothing: the hash is bound to the
 * roll entry this account voted for.
 */
export async function viewBallot(actor: Actor | null, input: z.input<typeof Input>): Promise<{ ranking: string[][]; receiptHash: string }> {
  const voter = requireSignedIn(actor);
  const { electionId, receipt } = parseInput(Input, input);
  const e = await findElection(prisma, electionId);
  const published = e.state === "PUBLISHED" && e.publishBallots;
  if (!isVotingOpen(e) && !published) {
    throw new ConflictError("A receipt can be checked while voting is open, or in the published ballots after the results are out.");
  }
  const entryId = await votedEntryOf(prisma, voter, electionId);
  if (!entryId) throw notYourBallot();
  const hash = receiptHash(entryId, receipt);
  const b = await findLiveBallot(prisma, electionId, hash);
  if (!b) throw new NotFoundError("No ballot of yours in this election has that receipt (a replaced ballot's old receipt no longer works).");
  return { ranking: b.ranking, receiptHash: hash };
}
