import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import { isEligibleVoter } from "./check-eligibility";
import { exceptionRequestRefusal, repeatRequestRefusal } from "@/lib/elections/lifecycle-rules";
export { exceptionRequestRefusal, repeatRequestRefusal, MAX_EXCEPTION_REQUESTS } from "@/lib/elections/lifecycle-rules";

const Input = z.object({
  electionId: z.string().min(1),
  reason: z.string().trim().min(1, "say why you should be able to vote").max(5000),
});

/**
 * A signed-in member who is not on the roll asks the officials to add them.
 * One open request at a time; after a denial (whose note may say "ask again")
 * or a withdrawal they may ask again, up to MAX_EXCEPTION_REQUESTS times. Two
 * requests sent at once both take the next attempt number, and the unique
 * (election, member, attempt) lets only one of them in.
 */
export async function requestException(actor: Actor | null, input: z.input<typeof Input>): Promise<{ id: string }> {
  const member = requireSignedIn(actor);
  const { electionId, reason } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const e = await findElection(tx, electionId);
    const refusal = exceptionRequestRefusal(e, new Date());
    if (refusal) throw new ConflictError(refusal);
    if (await isEligibleVoter(tx, member, electionId)) throw new ConflictError("You are already on the electorate.");
    const latest = await tx.exceptionRequest.findFirst({
      where: { electionId, userId: member.id },
      orderBy: { attempt: "desc" },
      select: { attempt: true, status: true },
    });
    const again = repeatRequestRefusal(latest);
    if (again) throw new ConflictError(again);
    const attempt = (latest?.attempt ?? 0) + 1;
    const created = await tx.exceptionRequest.createMany({ data: [{ electionId, userId: member.id, reason, attempt }], skipDuplicates: true });
    if (created.count !== 1) throw new ConflictError("You have already asked; the officials will decide.");
    return tx.exceptionRequest.findUniqueOrThrow({ where: { electionId_userId_attempt: { electionId, userId: member.id, attempt } }, select: { id: true } });
  });
}
