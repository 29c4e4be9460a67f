import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireCommunityAdmin } from "@/lib/auth/permissions";
import { prisma, type Tx } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { KataElection } from "@/lib/import/parse-kata-folder";
import { parseInput } from "./parse-input";
import { slugify } from "./slug";

const instant = z.iso.datetime({ offset: true }).nullable().optional();

const Parsed = z.object({
  title: z.string().trim().min(1, "the election has no title").max(200),
  seats: z.number().int().min(1).max(100),
  schedule: z.object({ nominationsOpen: instant, nominationsClose: instant, votingOpen: instant, votingClose: instant }).partial(),
  candidates: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().max(320).nullable(),
        githubLogin: z.string().trim().max(39).nullable().optional(),
        affiliation: z.string().trim().max(200).nullable(),
        affiliationInferred: z.boolean(),
        platform: z.string().trim().max(200).nullable().optional(),
        statement: z.string().max(50_000),
      }),
    )
    .max(500),
});

/**
 * A draft election from a Kata election folder (lib/import/parse-kata-folder).
 * Declarations come in SUBMITTED, without a user (they link when their authors
 * sign in), for officials to review; an affiliation the file does not give is
 * recorded as "none" but marked inferred, so an official confirms it.
 * It lands in the chosen community, with that community's rules for what the
 * folder does not say. `actor` undefined means the trusted command line; a
 * null (anonymous) actor or one who is not an admin of the community is refused.
 */
export async function importKataElection(
  parsed: KataElection,
  opts: { communityId: string; actor?: Actor | null },
): Promise<{ id: string; slug: string; communitySlug: string; candidates: number }> {
  return prisma.$transaction((tx) => importKataElectionIn(tx, parsed, opts), { timeout: 60_000 });
}

/**
 * The same inside the caller's transaction: the demo seed imports its Kata
 * folder this way, in the transaction that creates the community it lands in.
 */
export async function importKataElectionIn(
  tx: Tx,
  parsed: KataElection,
  opts: { communityId: string; actor?: Actor | null },
): Promise<{ id: string; slug: string; communitySlug: string; candidates: number }> {
  // Who asks first: a stranger learns nothing, not even what is wrong with the folder.
  const admin = opts.actor === undefined ? null : await requireCommunityAdmin(tx, opts.actor, opts.communityId);
  const data = parseInput(Parsed, parsed);
  const slug = slugify(data.title);
  if (!slug) throw new ConflictError("The election's title gives no slug.");
  const at = (s: string | null | undefined) => (s ? new Date(s) : null);
  const community = await tx.community.findUnique({ where: { id: opts.communityId } });
  if (!community) throw new NotFoundError("No such community.");
  if (await tx.election.findUnique({ where: { communityId_slug: { communityId: community.id, slug } }, select: { id: true } })) {
    throw new ConflictError(`${community.name} already has an election with the slug "${slug}"; it was probably imported before.`);
  }
  const e = await tx.election.create({
    data: {
      communityId: community.id,
      method: community.defaultMethod,
      unranked: community.defaultUnranked,
      maxPerAffiliation: community.defaultMaxPerAffiliation,
      slug,
      title: data.title,
      seats: data.seats,
      nominationsOpenAt: at(data.schedule.nominationsOpen),
      nominationsCloseAt: at(data.schedule.nominationsClose),
      votingOpenAt: at(data.schedule.votingOpen),
      votingCloseAt: at(data.schedule.votingClose),
    },
    select: { id: true, slug: true },
  });
  for (const c of data.candidates) {
    const fields = {
      displayName: c.name,
      email: c.email?.toLowerCase() ?? "",
      githubLogin: c.githubLogin?.replace(/^@/, "").toLowerCase() || null,
      affiliation: c.affiliation || "none",
      platform: c.platform || null,
      statement: c.statement,
    };
    await tx.candidacy.create({
      data: {
        ...fields,
        electionId: e.id,
        affiliationInferred: c.affiliationInferred || !c.affiliation,
        revisions: { create: { ...fields, number: 1, editedById: admin?.id ?? null } },
      },
    });
  }
  await appendAuditEntry(tx, { electionId: e.id, actor: admin, action: "election.imported", details: { source: "kata", community: community.slug, title: data.title, candidates: data.candidates.length } });
  return { ...e, communitySlug: community.slug, candidates: data.candidates.length };
}
