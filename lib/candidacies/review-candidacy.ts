import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { reviewLockReason } from "@/lib/elections/lifecycle-rules";
export { reviewLockReason } from "@/lib/elections/lifecycle-rules";

const Input = z
  .object({
    candidacyId: z.string().min(1),
    decision: z.enum(["accept", "reject"]),
    reason: z.string().trim().max(5000).optional(),
    /** Accepting confirms the affiliation (PRODUCT §3: an inferred one needs an official); this corrects it at the same time. */
    affiliation: z.string().trim().min(1).max(200).optional(),
  })
  .refine((r) => r.decision === "accept" || (r.reason !== undefined && r.reason !== ""), {
    message: "a rejection needs a reason",
    path: ["reason"],
  });

/** Official, until voting opens (the ballot's candidate list is then fixed). A decision can be revised until then. */
export async function reviewCandidacy(actor: Actor | null, input: z.input<typeof Input>): Promise<{ displayName: string; decision: "accept" | "reject" }> {
  requireSignedIn(actor);
  const { candidacyId, decision, reason, affiliation } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const c = await tx.candidacy.findUnique({ where: { id: candidacyId }, include: { election: true } });
    if (!c) throw new NotFoundError("No such declaration.");
    const official = await requireOfficial(tx, actor, c.electionId);
    const refusal = reviewLockReason(c.election, new Date());
    if (refusal) throw new ConflictError(refusal);
    if (c.status === "WITHDRAWN") throw new ConflictError("This declaration was withdrawn.");
    await tx.candidacy.update({
      where: { id: candidacyId },
      data:
        decision === "accept"
          ? { status: "ACCEPTED", rejectionReason: null, affiliationInferred: false, ...(affiliation ? { affiliation } : {}) }
          : { status: "REJECTED", rejectionReason: reason! },
    });
    await appendAuditEntry(tx, {
      electionId: c.electionId,
      actor: official,
      action: decision === "accept" ? "candidacy.accepted" : "candidacy.rejected",
      details: { candidacyId, candidate: c.displayName, ...(decision === "reject" ? { reason } : {}), ...(affiliation ? { affiliation } : {}) },
    });
    return { displayName: c.displayName, decision };
  });
}
