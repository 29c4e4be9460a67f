import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isCommunityAdmin, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { CommunityChanges } from "./community-input";

const Input = CommunityChanges.extend({ communityId: z.string().min(1).max(64) });

/**
 * The community's profile and default rules, by its admins or an instance
 * admin (who created it). Defaults apply to elections created afterwards;
 * existing elections keep the rules they were given. Fields left out keep their
 * value. The slug never changes: it is in every link to the community's elections.
 */
export async function updateCommunity(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  const a = requireSignedIn(actor);
  const { communityId, ...data } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    if (!a.isAdmin && !(await isCommunityAdmin(tx, a, communityId))) throw new ForbiddenError("Only an admin of this community can change it.");
    const before = await tx.community.findUnique({ where: { id: communityId } });
    if (!before) throw new NotFoundError("No such community.");
    await tx.community.update({ where: { id: communityId }, data });
    const changed = Object.keys(data).filter((k) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(data[k as keyof typeof data]));
    await appendAuditEntry(tx, { electionId: null, communityId, actor: a, action: "community.updated", details: { changed } });
  });
}
