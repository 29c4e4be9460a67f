import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import type { Election } from "@/lib/generated/prisma/client";
import { isEligibleVoter } from "./check-eligibility";

const Input = z.object({
  electionId: z.string().min(1),
  reason: z.string().trim().min(1, "say why you should be able to vote").max(5000),
});

/**
 * Why nobody can ask for an exception now, or null while they can: only while
 * the election is public and voting has not ended. Pure, so the election page
 * offers the request exactly when this use case would take it. Officials of the
 * election are not refused (PRODUCT §1 bars them from standing, not from voting).
 */
export function exceptionRequestRefusal(e: Pick<Election, "state" | "votingCloseAt">, now: Date): string | null {
  if (e.state !== "SCHEDULED" || (e.votingCloseAt && now.getTime() >= e.votingCloseAt.getTime())) {
    return "Exceptions can be requested only while the election is open.";
  }
  return null;
}

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
