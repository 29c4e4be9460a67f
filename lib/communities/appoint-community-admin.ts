import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireInstanceAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findPersonByLogin, personInWords, typedLogin } from "@/lib/auth/find-person";
import { parseInput } from "@/lib/elections/parse-input";

const Input = z.object({
  communityId: z.string().min(1).max(64),
  login: typedLogin,
});

/** Instance admins only. Like officials, the person must have signed in once. */
export async function appointCommunityAdmin(actor: Actor | null, input: z.input<typeof Input>): Promise<{ userId: string; person: string; community: string }> {
  const admin = requireInstanceAdmin(actor);
  const { communityId, login } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const community = await tx.community.findUnique({ where: { id: communityId }, select: { id: true, name: true } });
    if (!community) throw new NotFoundError("No such community.");
    const user = await findPersonByLogin(tx, login, "before they can be appointed");
    if (await tx.communityAdmin.findUnique({ where: { communityId_userId: { communityId, userId: user.id } } })) {
      throw new ConflictError(`${personInWords(user)} is already an admin of ${community.name}.`);
    }
    await tx.communityAdmin.create({ data: { communityId, userId: user.id } });
    await appendAuditEntry(tx, { electionId: null, communityId, actor: admin, action: "community.admin-appointed", details: { userId: user.id, login: user.githubLogin ?? user.email } });
    return { userId: user.id, person: personInWords(user), community: community.name };
  });
}
