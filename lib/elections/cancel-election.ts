import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficialOrCommunityAdmin, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "./parse-input";

const Input = z.object({
  electionId: z.string().min(1),
  reason: z.string().trim().min(1, "say why the election is cancelled").max(2000),
});

/** States from which an election can still be cancelled (for the dashboard; the update below enforces it). */
export const CANCELLABLE_STATES = ["DRAFT", "SCHEDULED", "CLOSED", "TALLIED"] as const;

export function canCancelElection(e: { state: string }): boolean {
  return (CANCELLABLE_STATES as readonly string[]).includes(e.state);
}

/** Official or admin of its community, any time before publication. Ballots stay stored but are never counted. */
export async function cancelElection(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  requireSignedIn(actor);
  const { electionId, reason } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const who = await requireOfficialOrCommunityAdmin(tx, actor, electionId);
    const { count } = await tx.election.updateMany({
      where: { id: electionId, state: { in: [...CANCELLABLE_STATES] } },
      data: { state: "CANCELLED" },
    });
    if (count !== 1) {
      if (!(await tx.election.findUnique({ where: { id: electionId }, select: { id: true } }))) throw new NotFoundError("No such election.");
      throw new ConflictError("A published or cancelled election cannot be cancelled.");
    }
    await appendAuditEntry(tx, { electionId, actor: who, action: "election.cancelled", details: { reason } });
  });
}
