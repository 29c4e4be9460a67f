import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireInstanceAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";

const Input = z.object({
  communityId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});

/**
 * Instance admins only. Roles are read from the table on every request, so
 * the removed admin loses their powers at once. Officials they appointed stay:
 * their appointment was valid and is in the log.
 */
export async function removeCommunityAdmin(actor: Actor | null, input: z.input<typeof Input>): Promise<{ userId: string }> {
  const admin = requireInstanceAdmin(actor);
  const { communityId, userId } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const row = await tx.communityAdmin.findUnique({
      where: { communityId_userId: { communityId, userId } },
      select: { user: { select: { githubLogin: true, email: true } } },
    });
    if (!row) throw new NotFoundError("This person is not an admin of this community.");
    await tx.communityAdmin.delete({ where: { communityId_userId: { communityId, userId } } });
    await appendAuditEntry(tx, { electionId: null, communityId, actor: admin, action: "community.admin-removed", details: { userId, login: row.user.githubLogin ?? row.user.email } });
    return { userId };
  });
}
