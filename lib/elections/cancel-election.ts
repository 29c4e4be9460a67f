import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficialOrCommunityAdmin, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "./parse-input";
import { CANCELLABLE_STATES } from "@/lib/elections/lifecycle-rules";
export { CANCELLABLE_STATES, canCancelElection } from "@/lib/elections/lifecycle-rules";

const Input = z.object({
  electionId: z.string().min(1),
  reason: z.string().trim().min(1, "say why the election is cancelled").max(2000),
});

/** Official or admin of its community, any time before publication. Ballots stay stored but are never counted. */
export async function cancelElection(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  requireSignedIn(actor);
  const { electionId, reason } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const who = await requireOfficialOrCommunityAdmin(tx, actor, electionId);
    const { count } = await tx.election.updateMany({
      where: { id: electionId, state: { in: [...CANCELLABLE_STATES] } },
      data: { state: "CANCELLED", cancelledAt: new Date(), cancelReason: reason },
    });
    if (count !== 1) {
      if (!(await tx.election.findUnique({ where: { id: electionId }, select: { id: true } }))) throw new NotFoundError("No such election.");
      throw new ConflictError("A published or cancelled election cannot be cancelled.");
    }
    await appendAuditEntry(tx, { electionId, actor: who, action: "election.cancelled", details: { reason } });
  });
}
