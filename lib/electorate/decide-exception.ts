import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { exceptionDecisionLockReason } from "@/lib/elections/lifecycle-rules";
export { exceptionDecisionLockReason } from "@/lib/elections/lifecycle-rules";

const Input = z.object({
  requestId: z.string().min(1),
  grant: z.boolean(),
  note: z.string().trim().max(5000).optional(),
});

/** Official of the request's election. A grant puts the member on the roll; either way the decision is audited. */
export async function decideException(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  requireSignedIn(actor);
  const { requestId, grant, note } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const req = await tx.exceptionRequest.findUnique({
      where: { id: requestId },
      include: { user: { select: { id: true, githubLogin: true, email: true, name: true } }, election: { select: { state: true } } },
    });
    if (!req) throw new NotFoundError("No such exception request.");
    const official = await requireOfficial(tx, actor, req.electionId);
    // An official who grants themselves a vote is a sock-puppet factory: another official decides.
    if (req.userId === official.id) throw new ForbiddenError("Nobody decides their own exception request: another official of this election must.");
    const locked = exceptionDecisionLockReason(req.election);
    if (locked) throw new ConflictError(locked);
    const { count } = await tx.exceptionRequest.updateMany({
      where: { id: requestId, status: "PENDING" },
      data: { status: grant ? "GRANTED" : "DENIED", decisionNote: note ?? null, decidedById: official.id, decidedAt: new Date() },
    });
    if (count !== 1) {
      throw new ConflictError(req.status === "WITHDRAWN" ? "The member withdrew this request; there is nothing to decide." : "This request has already been decided.");
    }
    const githubLogin = req.user.githubLogin?.toLowerCase() ?? null;
    const email = req.user.email?.toLowerCase() ?? null;
    if (grant) {
      if (!githubLogin && !email) throw new ConflictError("This member's account has neither a GitHub login nor an email to put on the roll.");
      await tx.electorateEntry.createMany({
        data: [{ electionId: req.electionId, githubLogin, email, name: req.user.name, source: "exception" }],
        // Someone added by an import meanwhile is already eligible.
        skipDuplicates: true,
      });
    }
    await appendAuditEntry(tx, {
      electionId: req.electionId,
      actor: official,
      action: grant ? "exception.granted" : "exception.denied",
      details: { requestId, member: githubLogin && email ? `${githubLogin} <${email}>` : (githubLogin ?? email), note: note ?? null },
    });
  });
}
