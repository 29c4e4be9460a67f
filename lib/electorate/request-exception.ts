import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import { isEligibleVoter } from "./check-eligibility";
import { exceptionRequestRefusal } from "@/lib/elections/lifecycle-rules";
export { exceptionRequestRefusal } from "@/lib/elections/lifecycle-rules";

const Input = z.object({
  electionId: z.string().min(1),
  reason: z.string().trim().min(1, "say why you should be able to vote").max(5000),
});

/** A signed-in member who is not on the roll asks the officials to add them; one request per election. */
export async function requestException(actor: Actor | null, input: z.input<typeof Input>): Promise<{ id: string }> {
  const member = requireSignedIn(actor);
  const { electionId, reason } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const e = await findElection(tx, electionId);
    const refusal = exceptionRequestRefusal(e, new Date());
    if (refusal) throw new ConflictError(refusal);
    if (await isEligibleVoter(tx, member, electionId)) throw new ConflictError("You are already on the electorate.");
    const existing = await tx.exceptionRequest.findUnique({ where: { electionId_userId: { electionId, userId: member.id } } });
    if (existing) throw new ConflictError("You have already asked; the officials will decide.");
    return tx.exceptionRequest.create({ data: { electionId, userId: member.id, reason }, select: { id: true } });
  });
}
