import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError } from "@/lib/errors";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import { openElectionRefusal } from "./lifecycle-rules";

const Input = z.object({ electionId: z.string().min(1) });

/** Official: makes a draft public; from then on its phase follows the schedule. */
export async function openElection(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  requireSignedIn(actor);
  const { electionId } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const official = await requireOfficial(tx, actor, electionId);
    const e = await findElection(tx, electionId);
    const refusal = openElectionRefusal(e);
    if (refusal) throw new ConflictError(refusal);
    const { count } = await tx.election.updateMany({ where: { id: electionId, state: "DRAFT" }, data: { state: "SCHEDULED", openedAt: new Date() } });
    if (count !== 1) throw new ConflictError("Only a draft election can be opened.");
    await appendAuditEntry(tx, { electionId, actor: official, action: "election.opened" });
  });
}
