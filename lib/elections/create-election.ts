import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireCommunityAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { METHODS, UNRANKED_RULES } from "@/lib/tally/types";
import { parseInput } from "./parse-input";
import { slugify, SLUG_PATTERN } from "./slug";

const Input = z.object({
  communityId: z.string().min(1).max(64),
  title: z.string().trim().min(1, "a title is required").max(200),
  slug: z.string().trim().toLowerCase().regex(SLUG_PATTERN, "use lower-case letters, digits and dashes").max(80).optional(),
  description: z.string().max(20_000).optional(),
  // Each rule left out comes from the community's defaults (its charter).
  seats: z.number().int().min(1).max(100).optional(),
  method: z.enum(METHODS).optional(),
  unranked: z.enum(UNRANKED_RULES).optional(),
  /** undefined: the community's cap; null: no cap for this election. */
  maxPerAffiliation: z.number().int().min(1).max(100).nullable().optional(),
  committee: z.string().trim().max(200).optional(),
});

/** Admins of the community only; the election starts as a draft of that community. */
export async function createElection(actor: Actor | null, input: z.input<typeof Input>): Promise<{ id: string; slug: string; communitySlug: string }> {
  const data = parseInput(Input, input);
  const slug = data.slug ?? slugify(data.title);
  if (!slug) throw new ConflictError("Choose a slug: the title gives none.");
  return prisma.$transaction(async (tx) => {
    const admin = await requireCommunityAdmin(tx, actor, data.communityId);
    const community = await tx.community.findUnique({ where: { id: data.communityId } });
    if (!community) throw new NotFoundError("No such community.");
    if (await tx.election.findUnique({ where: { communityId_slug: { communityId: community.id, slug } }, select: { id: true } })) {
      throw new ConflictError(`${community.name} already has an election with the slug "${slug}".`);
    }
    const e = await tx.election.create({
      data: {
        communityId: community.id,
        slug,
        title: data.title,
        description: data.description ?? "",
        seats: data.seats ?? community.defaultSeats,
        method: data.method ?? community.defaultMethod,
        unranked: data.unranked ?? community.defaultUnranked,
        maxPerAffiliation: data.maxPerAffiliation === undefined ? community.defaultMaxPerAffiliation : data.maxPerAffiliation,
        committee: data.committee ?? "",
      },
      select: { id: true, slug: true, seats: true, method: true, maxPerAffiliation: true },
    });
    await appendAuditEntry(tx, {
      electionId: e.id,
      actor: admin,
      action: "election.created",
      details: { community: community.slug, slug, title: data.title, seats: e.seats, method: e.method, maxPerAffiliation: e.maxPerAffiliation },
    });
    return { id: e.id, slug: e.slug, communitySlug: community.slug };
  });
}
