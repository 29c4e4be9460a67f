import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError } from "@/lib/errors";
import { METHODS, UNRANKED_RULES } from "@/lib/tally/types";
import { parseInput } from "./parse-input";
import { slugify, SLUG_PATTERN } from "./slug";

const Input = z.object({
  title: z.string().trim().min(1, "a title is required").max(200),
  slug: z.string().trim().toLowerCase().regex(SLUG_PATTERN, "use lower-case letters, digits and dashes").max(80).optional(),
  description: z.string().max(20_000).optional(),
  seats: z.number().int().min(1).max(100),
  method: z.enum(METHODS).optional(),
  unranked: z.enum(UNRANKED_RULES).optional(),
  maxPerAffiliation: z.number().int().min(1).max(100).nullable().optional(),
});

export async function createElection(actor: Actor | null, input: z.input<typeof Input>): Promise<{ id: string; slug: string }> {
  const admin = requireAdmin(actor);
  const data = parseInput(Input, input);
  const slug = data.slug ?? slugify(data.title);
  if (!slug) throw new ConflictError("Choose a slug: the title gives none.");
  return prisma.$transaction(async (tx) => {
    if (await tx.election.findUnique({ where: { slug }, select: { id: true } })) {
      throw new ConflictError(`An election with the slug "${slug}" already exists.`);
    }
    const e = await tx.election.create({
      data: {
        slug,
        title: data.title,
        description: data.description ?? "",
        seats: data.seats,
        method: data.method,
        unranked: data.unranked,
        maxPerAffiliation: data.maxPerAffiliation ?? null,
      },
      select: { id: true, slug: true },
    });
    await appendAuditEntry(tx, { electionId: e.id, actor: admin, action: "election.created", details: { slug, title: data.title, seats: data.seats } });
    return e;
  });
}
