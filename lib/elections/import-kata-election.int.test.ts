import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import type { Community } from "@/lib/generated/prisma/client";
import { parseKataFolder, type KataElection } from "@/lib/import/parse-kata-folder";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { importKataElection } from "./import-kata-election";
import { expectRefused, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, uniq } from "@/test/helpers/factories";
import type { Actor } from "@/lib/auth/actor";

// A fictional folder in Kata's layout, so this runs wherever the repo does
// (test/kata-archive.test.ts parses the real archive when ../shared has it).
const FOLDER = path.resolve(import.meta.dirname, "../../test/fixtures/import/kata-2030-01");

async function kata(): Promise<KataElection> {
  const parsed = await parseKataFolder(FOLDER);
  return { ...parsed, title: `${parsed.title} ${uniq("t")}` };
}

describe("importKataElection", () => {
  let community: Community;
  let admin: Actor;

  beforeAll(async () => {
    // Rules the folder does not give come from the community's defaults.
    community = await makeCommunity({ defaultMethod: "ranked-pairs", defaultUnranked: "last", defaultMaxPerAffiliation: 2 });
    admin = await makeCommunityAdmin(community.id);
  });

  it("creates a draft in the community with its schedule and SUBMITTED, userless declarations, audited", async () => {
    const parsed = await kata();
    const anchor = (await prisma.auditEntry.findFirst({ orderBy: { seq: "desc" } }))?.seq ?? 0;
    const { id, slug, communitySlug, candidates } = await importKataElection(parsed, { communityId: community.id, actor: admin });
    expect(slug).toMatch(/^architecture-committee-elections-january-2030-t-/);
    expect(communitySlug).toBe(community.slug);
    expect(candidates).toBe(parsed.candidates.length);
    const e = await prisma.election.findUniqueOrThrow({ where: { id }, include: { candidacies: { include: { revisions: true } } } });
    expect(e).toMatchObject({ state: "DRAFT", seats: 2, title: parsed.title, communityId: community.id, method: "ranked-pairs", unranked: "last", maxPerAffiliation: 2 });
    expect(e.votingOpenAt?.toISOString()).toBe("2030-01-14T15:00:00.000Z");
    expect(e.candidacies).toHaveLength(parsed.candidates.length);
    for (const c of e.candidacies) {
      expect(c).toMatchObject({ status: "SUBMITTED", userId: null });
      expect(c.revisions).toHaveLength(1);
    }
    // From the email domain (arm.com): to be confirmed by an official.
    expect(e.candidacies.find((c) => c.displayName === "Ada Quill")).toMatchObject({ affiliation: "Arm", affiliationInferred: true });
    // Stated in the declaration.
    expect(e.candidacies.find((c) => c.displayName === "Bo Lindqvist")).toMatchObject({ affiliation: "Fictional Silicon Ltd.", affiliationInferred: false });
    // No affiliation in the file: "none", flagged for an official to confirm.
    expect(e.candidacies.find((c) => c.displayName === "Cleo Morrow")).toMatchObject({ affiliation: "none", affiliationInferred: true });
    expect(await prisma.auditEntry.findFirst({ where: { electionId: id } })).toMatchObject({
      action: "election.imported",
      actorId: admin.id,
      details: expect.objectContaining({ community: community.slug }),
    });
    expect((await verifyAuditChain(prisma, { afterSeq: anchor })).ok).toBe(true);
  });

  it("runs without an actor from the command line, and refuses a second import of the same election into that community", async () => {
    const parsed = await kata();
    await importKataElection(parsed, { communityId: community.id });
    await expectRefused(() => importKataElection(parsed, { communityId: community.id }), ConflictError, /already has an election with the slug/);
    // Slugs are unique per community: another community may hold the same election.
    const other = await makeCommunity();
    await importKataElection(parsed, { communityId: other.id });
    expect(await prisma.election.count({ where: { title: parsed.title } })).toBe(2);
  });

  it("refuses anyone but an admin of that community: anonymous, a member, an official, the instance admin, another community's admin", async () => {
    const parsed = await kata();
    const e = await makeElection("draft", { communityId: community.id });
    const elsewhere = await makeCommunity();
    const wrong: [string, Actor | null][] = [
      ["anonymous", null],
      ["member", await makeUser()],
      ["official of an election in this community", await makeOfficial(e.id)],
      ["instance admin not named in the community", await makeAdmin()],
      ["admin of another community", await makeCommunityAdmin(elsewhere.id)],
    ];
    for (const [who, actor] of wrong) {
      await expectRefused(() => importKataElection(parsed, { communityId: community.id, actor }), ForbiddenError, actor ? /Only an admin of this community/ : /Sign in/);
      expect(await prisma.election.count({ where: { title: parsed.title } }), who).toBe(0);
    }
  });

  it("refuses a community that does not exist, and malformed input with a clear message", async () => {
    const parsed = await kata();
    await expectRefused(() => importKataElection(parsed, { communityId: "no-such-community" }), Error, /No such community/);
    await expectRefused(() => importKataElection({ ...parsed, seats: 0 }, { communityId: community.id, actor: null }), ForbiddenError);
    await expectRefused(() => importKataElection({ ...parsed, seats: 0 }, { communityId: community.id }), InvalidInputError, /seats/);
    await expectRefused(() => importKataElection({ ...parsed, title: " " }, { communityId: community.id }), InvalidInputError, /title/);
  });
});
