import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireElectionCommunityAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { NotFoundError } from "@/lib/errors";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";

const Input = z.object({
  electionId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});

/**
 * Admins of the election's community only. Officials are checked against the Official table on every
 * request (lib/auth/permissions.ts), so the removed person loses access to the
 * election at once, even with a session that was valid a moment ago.
 * Allowed in every state: taking a role away is never unsafe.
 */
export async function removeOfficial(actor: Actor | null, input: z.input<typeof Input>): Promise<{ userId: string }> {
  const { electionId, userId } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const admin = await requireElectionCommunityAdmin(tx, actor, electionId);
    await findElection(tx, electionId);
    const official = await tx.official.findUnique({
      where: { electionId_userId: { electionId, userId } },
      select: { user: { select: { githubLogin: true, email: true } } },
    });
    if (!official) throw new NotFoundError("This person is not an official of this election.");
    await tx.official.delete({ where: { electionId_userId: { electionId, userId } } });
    await appendAuditEntry(tx, {
      electionId,
      actor: admin,
      action: "official.removed",
      details: { userId, login: official.user.githubLogin ?? official.user.email },
    });
    return { userId };
  });
}
