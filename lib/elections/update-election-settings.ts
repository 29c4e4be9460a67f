import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { METHODS, STRENGTHS, UNRANKED_RULES } from "@/lib/tally/types";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import { ConflictError } from "@/lib/errors";
import { settingsLockReason } from "@/lib/elections/lifecycle-rules";
export { settingsLockReason } from "@/lib/elections/lifecycle-rules";

const Input = z.object({
  electionId: z.string().min(1),
  title: z.string().trim().min(1, "a title is required").max(200).optional(),
  description: z.string().max(20_000).optional(),
  seats: z.number().int().min(1).max(100).optional(),
  method: z.enum(METHODS).optional(),
  unranked: z.enum(UNRANKED_RULES).optional(),
  strength: z.enum(STRENGTHS).optional(),
  maxPerAffiliation: z.number().int().min(1).max(100).nullable().optional(),
  continuingMembers: z
    .array(z.object({ name: z.string().trim().min(1).max(200), affiliation: z.string().trim().min(1).max(200) }))
    .max(100)
    .optional(),
  publishBallots: z.boolean().optional(),
});

/** Official, before voting opens. Fields left out keep their value. */
export async function updateElectionSettings(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  requireSignedIn(actor);
  const { electionId, ...changes } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const official = await requireOfficial(tx, actor, electionId);
    const election = await findElection(tx, electionId);
    const refusal = settingsLockReason(election, new Date());
    if (refusal) throw new ConflictError(refusal);
    await tx.election.update({ where: { id: electionId }, data: changes });
    await appendAuditEntry(tx, { electionId, actor: official, action: "election.settings-updated", details: changes });
  });
}
