import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { recordCheckpoint } from "@/lib/audit/record-checkpoint";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "./parse-input";

const Input = z.object({ electionId: z.string().min(1) });

/** Official: TALLIED → PUBLISHED, after reviewing the stored result. */
export async function publishResults(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  requireSignedIn(actor);
  const { electionId } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const official = await requireOfficial(tx, actor, electionId);
    const { count } = await tx.election.updateMany({ where: { id: electionId, state: "TALLIED" }, data: { state: "PUBLISHED" } });
    if (count !== 1) throw new ConflictError("Only a tallied election can be published.");
    const result = await tx.result.update({ where: { electionId }, data: { publishedAt: new Date() }, select: { ballotHash: true } });
    const head = await appendAuditEntry(tx, { electionId, actor: official, action: "results.published", details: { ballotHash: result.ballotHash } });
    await recordCheckpoint(tx, electionId, "published", head);
  });
}
