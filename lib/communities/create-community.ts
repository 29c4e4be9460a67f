import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireInstanceAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { CommunityFields, CommunitySlug } from "./community-input";

const Input = CommunityFields.extend({ slug: CommunitySlug });

/** Instance admins only. The community starts without admins; appoint them next. */
export async function createCommunity(actor: Actor | null, input: z.input<typeof Input>): Promise<{ id: string; slug: string }> {
  const admin = requireInstanceAdmin(actor);
  const data = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    if (await tx.community.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
      throw new ConflictError(`A community with the address "${data.slug}" already exists.`);
    }
    const c = await tx.community.create({ data, select: { id: true, slug: true } });
    await appendAuditEntry(tx, { electionId: null, communityId: c.id, actor: admin, action: "community.created", details: { slug: c.slug, name: data.name } });
    return c;
  });
}
