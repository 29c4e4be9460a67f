import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireInstanceAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";

const Input = z.object({
  communityId: z.string().min(1).max(64),
  login: z.string().trim().toLowerCase().transform((s) => s.replace(/^@/, "")).pipe(z.string().min(1, "give a GitHub login or an email").max(320)),
});

/** Instance admins only. Like officials, the person must have signed in once. */
export async function appointCommunityAdmin(actor: Actor | null, input: z.input<typeof Input>): Promise<{ userId: string }> {
  const admin = requireInstanceAdmin(actor);
  const { communityId, login } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const community = await tx.community.findUnique({ where: { id: communityId }, select: { id: true, name: true } });
    if (!community) throw new NotFoundError("No such community.");
    const user = await tx.user.findFirst({
      where: { OR: [{ githubLogin: login }, { email: { equals: login, mode: "insensitive" } }] },
      select: { id: true, githubLogin: true, email: true },
    });
    if (!user) throw new NotFoundError(`Nobody signed in as "${login}" yet; ask them to sign in once first.`);
    if (await tx.communityAdmin.findUnique({ where: { communityId_userId: { communityId, userId: user.id } } })) {
      throw new ConflictError(`Already an admin of ${community.name}.`);
    }
    await tx.communityAdmin.create({ data: { communityId, userId: user.id } });
    await appendAuditEntry(tx, { electionId: null, communityId, actor: admin, action: "community.admin-appointed", details: { userId: user.id, login: user.githubLogin ?? user.email } });
    return { userId: user.id };
  });
}
