// Roles around communities (issue 7, point 2): instance admins create
// communities and appoint or remove their admins; community admins (and the
// instance admin) edit the community; every role change is one audit entry
// naming the community, covered by the keyed hash chain.
import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain, type AuditChainReport } from "@/lib/audit/verify-audit-chain";
import { prisma, type Tx } from "@/lib/db/client";
import { createElection } from "@/lib/elections/create-election";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { expectRefused, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, makeVoter, uniq } from "@/test/helpers/factories";
import { appointCommunityAdmin } from "./appoint-community-admin";
import { createCommunity } from "./create-community";
import { removeCommunityAdmin } from "./remove-community-admin";
import { updateCommunity } from "./update-community";

const ownerUrl = process.env.TEST_OWNER_DATABASE_URL ?? process.env.DATABASE_URL!;
const owner = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });

afterAll(async () => {
  await owner.$disconnect();
});

const headSeq = async () => (await prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;

/** Runs `change`, then returns the audit entries it appended (and checks the chain still verifies from before it). */
async function entriesOf(change: () => Promise<unknown>) {
  const afterSeq = await headSeq();
  await change();
  const entries = await prisma.auditEntry.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" } });
  expect(await verifyAuditChain(prisma, { afterSeq })).toMatchObject({ ok: true, entries: entries.length });
  return entries;
}

/** People who are not instance admins, each with some role that must not help. */
async function nonInstanceAdmins(communityId: string): Promise<[string, Actor | null][]> {
  const election = await makeElection("draft", { communityId });
  return [
    ["anonymous", null],
    ["a signed-in member", await makeUser()],
    ["a voter of the community", await makeVoter(election.id)],
    ["an official of the community", await makeOfficial(election.id)],
    ["an admin of the community", await makeCommunityAdmin(communityId)],
    ["an admin of another community", await makeCommunityAdmin((await makeCommunity()).id)],
  ];
}

describe("createCommunity", () => {
  it("lets an instance admin create a community with its rules, audited once with its communityId", async () => {
    const admin = await makeAdmin();
    const slug = uniq("kata");
    let created: { id: string; slug: string } | undefined;
    const entries = await entriesOf(async () => {
      created = await createCommunity(admin, {
        slug: slug.toUpperCase(),
        name: "Kata Containers",
        description: "A *secure* container runtime.",
        governanceUrl: "https://github.com/kata-containers/community/blob/main/GOVERNANCE.md",
        committeeName: "Architecture Committee",
        defaultSeats: 2,
        defaultMethod: "stv-meek",
        defaultUnranked: "last",
        defaultMaxPerAffiliation: 2,
        rollFormats: ["kata-yaml"],
      });
    });
    // Addresses are lower-case whatever was typed.
    expect(created!.slug).toBe(slug);
    expect(await prisma.community.findUniqueOrThrow({ where: { id: created!.id } })).toMatchObject({
      slug,
      name: "Kata Containers",
      committeeName: "Architecture Committee",
      defaultSeats: 2,
      defaultMethod: "stv-meek",
      defaultUnranked: "last",
      defaultMaxPerAffiliation: 2,
      rollFormats: ["kata-yaml"],
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "community.created", communityId: created!.id, electionId: null, actorId: admin.id, details: { slug } });
    // It starts without admins: the instance admin is not one by creating it.
    expect(await prisma.communityAdmin.count({ where: { communityId: created!.id } })).toBe(0);
  });

  it("refuses everyone but an instance admin, community admins included, changing nothing", async () => {
    const community = await makeCommunity();
    for (const [, who] of await nonInstanceAdmins(community.id)) {
      await expectRefused(() => createCommunity(who, { slug: uniq("c"), name: "Mine" }), ForbiddenError);
    }
  });

  it("refuses bad slugs, reserved slugs, duplicates (in any case) and bad fields with a clear error", async () => {
    const admin = await makeAdmin();
    const ok = { name: "Fine" };
    await expectRefused(() => createCommunity(admin, { ...ok, slug: "a" }), InvalidInputError, /two characters/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: "bad slug!" }), InvalidInputError, /lower-case letters/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: "-dash-first" }), InvalidInputError, /lower-case letters/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: "x".repeat(61) }), InvalidInputError, /slug/);
    for (const reserved of ["admin", "new", "api", "ADMIN"]) {
      await expectRefused(() => createCommunity(admin, { ...ok, slug: reserved }), InvalidInputError, /reserved/);
    }
    await expectRefused(() => createCommunity(admin, { slug: uniq("c"), name: "  " }), InvalidInputError, /name/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: uniq("c"), governanceUrl: "javascript:alert(1)" }), InvalidInputError, /http/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: uniq("c"), defaultSeats: 0 }), InvalidInputError, /defaultSeats/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: uniq("c"), defaultMethod: "borda" as never }), InvalidInputError, /defaultMethod/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: uniq("c"), rollFormats: ["pdf" as never] }), InvalidInputError, /rollFormats/);
    const slug = uniq("dup");
    await createCommunity(admin, { ...ok, slug });
    await expectRefused(() => createCommunity(admin, { ...ok, slug }), ConflictError, /already exists/);
    await expectRefused(() => createCommunity(admin, { ...ok, slug: slug.toUpperCase() }), ConflictError, /already exists/);
  });
});

describe("updateCommunity", () => {
  it("lets an admin of the community and the instance admin edit it, each audited once with its communityId", async () => {
    const community = await makeCommunity({ name: "Before" });
    const cadmin = await makeCommunityAdmin(community.id);
    const entries = await entriesOf(() => updateCommunity(cadmin, { communityId: community.id, name: "After", defaultSeats: 3, committeeName: "Steering Committee" }));
    expect(await prisma.community.findUniqueOrThrow({ where: { id: community.id } })).toMatchObject({ name: "After", defaultSeats: 3, committeeName: "Steering Committee", slug: community.slug });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "community.updated", communityId: community.id, electionId: null, actorId: cadmin.id });
    expect((entries[0].details as { changed: string[] }).changed.sort()).toEqual(["committeeName", "defaultSeats", "name"]);

    const instanceAdmin = await makeAdmin();
    const more = await entriesOf(() => updateCommunity(instanceAdmin, { communityId: community.id, name: "By the instance" }));
    expect(more).toHaveLength(1);
    expect(more[0]).toMatchObject({ action: "community.updated", communityId: community.id, actorId: instanceAdmin.id, details: { changed: ["name"] } });
  });

  it("keeps the fields an edit leaves out (a partial edit never resets the community's rules)", async () => {
    const community = await makeCommunity({ name: "Keeps", defaultSeats: 4, defaultMethod: "irv", defaultMaxPerAffiliation: 2, committeeName: "TC" });
    await prisma.community.update({ where: { id: community.id }, data: { description: "Our charter.", governanceUrl: "https://example.org/charter", rollFormats: ["csv"] } });
    const cadmin = await makeCommunityAdmin(community.id);
    await updateCommunity(cadmin, { communityId: community.id, name: "Renamed" });
    expect(await prisma.community.findUniqueOrThrow({ where: { id: community.id } })).toMatchObject({
      name: "Renamed",
      description: "Our charter.",
      governanceUrl: "https://example.org/charter",
      rollFormats: ["csv"],
      defaultSeats: 4,
      defaultMethod: "irv",
      defaultMaxPerAffiliation: 2,
      committeeName: "TC",
    });
    // An explicit null clears the cap.
    await updateCommunity(cadmin, { communityId: community.id, defaultMaxPerAffiliation: null });
    expect((await prisma.community.findUniqueOrThrow({ where: { id: community.id } })).defaultMaxPerAffiliation).toBeNull();
  });

  it("refuses the admin of another community, officials, voters, members and anonymous, changing nothing", async () => {
    const community = await makeCommunity();
    const refused = (await nonInstanceAdmins(community.id)).filter(([name]) => name !== "an admin of the community");
    for (const [, who] of refused) {
      await expectRefused(() => updateCommunity(who, { communityId: community.id, name: "Taken over" }), ForbiddenError);
    }
  });

  it("refuses bad fields and unknown communities, changing nothing", async () => {
    const community = await makeCommunity();
    const cadmin = await makeCommunityAdmin(community.id);
    await expectRefused(() => updateCommunity(cadmin, { communityId: community.id, name: "" }), InvalidInputError, /name/);
    await expectRefused(() => updateCommunity(cadmin, { communityId: community.id, name: "x", defaultUnranked: "first" as never }), InvalidInputError, /defaultUnranked/);
    // An unknown community names nobody as its admin.
    await expectRefused(() => updateCommunity(cadmin, { communityId: "no-such-community", name: "x" }), ForbiddenError);
    const instanceAdmin = await makeAdmin();
    await expectRefused(() => updateCommunity(instanceAdmin, { communityId: "no-such-community", name: "x" }), NotFoundError);
    // The slug is not editable (it is in every link): a slug slipped into the input is ignored.
    await updateCommunity(cadmin, { communityId: community.id, name: "Same address", slug: "moved" } as never);
    expect(await prisma.community.findUniqueOrThrow({ where: { id: community.id } })).toMatchObject({ name: "Same address", slug: community.slug });
  });
});

describe("appointCommunityAdmin and removeCommunityAdmin", () => {
  it("an appointed admin can create elections there at once; once removed, their next createElection is refused", async () => {
    const instanceAdmin = await makeAdmin();
    const community = await makeCommunity();
    const person = await makeUser();

    await expectRefused(() => createElection(person, { communityId: community.id, title: uniq("Before") }), ForbiddenError);
    const appointed = await entriesOf(() => appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: `@${person.githubLogin!.toUpperCase()}` }));
    expect(appointed).toHaveLength(1);
    expect(appointed[0]).toMatchObject({ action: "community.admin-appointed", communityId: community.id, electionId: null, actorId: instanceAdmin.id, details: { userId: person.id, login: person.githubLogin } });

    const { id } = await createElection(person, { communityId: community.id, title: uniq("While admin") });
    expect(await prisma.election.findUniqueOrThrow({ where: { id } })).toMatchObject({ communityId: community.id, state: "DRAFT" });

    const removed = await entriesOf(() => removeCommunityAdmin(instanceAdmin, { communityId: community.id, userId: person.id }));
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ action: "community.admin-removed", communityId: community.id, electionId: null, actorId: instanceAdmin.id, details: { userId: person.id } });
    await expectRefused(() => createElection(person, { communityId: community.id, title: uniq("After") }), ForbiddenError);
    await expectRefused(() => updateCommunity(person, { communityId: community.id, name: "Still mine?" }), ForbiddenError);
  });

  it("appoints by email too, only people who have signed in, and never twice", async () => {
    const instanceAdmin = await makeAdmin();
    const community = await makeCommunity();
    const person = await makeUser({ login: null, email: `${uniq("mail")}@example.org` });
    await appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: person.email!.toUpperCase() });
    expect(await prisma.communityAdmin.count({ where: { communityId: community.id, userId: person.id } })).toBe(1);
    await expectRefused(() => appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: person.email! }), ConflictError, /is already an admin of/);
    await expectRefused(() => appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: uniq("nobody") }), NotFoundError, /sign in once/);
    await expectRefused(() => appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: " " }), InvalidInputError, /login/);
    await expectRefused(() => appointCommunityAdmin(instanceAdmin, { communityId: "no-such-community", login: person.email! }), NotFoundError, /community/);
  });

  it("removal refuses people who are not admins there and unknown input, changing nothing", async () => {
    const instanceAdmin = await makeAdmin();
    const community = await makeCommunity();
    const elsewhere = await makeCommunityAdmin((await makeCommunity()).id);
    await expectRefused(() => removeCommunityAdmin(instanceAdmin, { communityId: community.id, userId: elsewhere.id }), NotFoundError, /not an admin/);
    await expectRefused(() => removeCommunityAdmin(instanceAdmin, { communityId: community.id, userId: "" }), InvalidInputError);
    const cadmin = await makeCommunityAdmin(community.id);
    await removeCommunityAdmin(instanceAdmin, { communityId: community.id, userId: cadmin.id });
    await expectRefused(() => removeCommunityAdmin(instanceAdmin, { communityId: community.id, userId: cadmin.id }), NotFoundError);
  });

  it("refuses everyone but an instance admin, the community's own admins included, changing nothing", async () => {
    const community = await makeCommunity();
    const target = await makeUser();
    const sitting = await makeCommunityAdmin(community.id);
    for (const [, who] of await nonInstanceAdmins(community.id)) {
      await expectRefused(() => appointCommunityAdmin(who, { communityId: community.id, login: target.githubLogin! }), ForbiddenError);
      await expectRefused(() => removeCommunityAdmin(who, { communityId: community.id, userId: sitting.id }), ForbiddenError);
    }
    // Not even to add themselves.
    const self = await makeCommunityAdmin(community.id);
    await expectRefused(() => appointCommunityAdmin(self, { communityId: community.id, login: self.githubLogin! }), ForbiddenError);
  });
});

describe("the audit chain over community entries", () => {
  class Rollback extends Error {}

  async function verdictAfter(attack: (tx: Tx) => Promise<void>): Promise<AuditChainReport> {
    let report: AuditChainReport | undefined;
    await expect(
      owner.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('ALTER TABLE "AuditEntry" DISABLE TRIGGER USER');
        await attack(tx);
        report = await verifyAuditChain(tx);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    return report!;
  }

  it("verifies, and an owner who moves a role change to another community (or strips its community) breaks it", async () => {
    const instanceAdmin = await makeAdmin();
    const community = await makeCommunity();
    const other = await makeCommunity();
    const person = await makeUser();
    await appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: person.githubLogin! });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { communityId: community.id, action: "community.admin-appointed" }, orderBy: { seq: "desc" } });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);

    for (const forged of [other.id, null]) {
      const report = await verdictAfter(async (tx) => {
        expect(await tx.$executeRaw`UPDATE "AuditEntry" SET "communityId" = ${forged} WHERE seq = ${entry.seq}`).toBe(1);
      });
      expect(report).toMatchObject({ ok: false, brokenAt: entry.seq, reason: expect.stringMatching(/content/) });
    }
    // Rolled back: the real chain is whole.
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });
});

describe("createElection and the community's defaults", () => {
  it("takes every rule left out from the community, and an explicit null cap or value over it", async () => {
    const community = await makeCommunity({ defaultSeats: 3, defaultMethod: "stv-meek", defaultUnranked: "last", defaultMaxPerAffiliation: 2, committeeName: "TC" });
    const admin = await makeCommunityAdmin(community.id);
    const byDefault = await createElection(admin, { communityId: community.id, title: uniq("Defaults") });
    expect(await prisma.election.findUniqueOrThrow({ where: { id: byDefault.id } })).toMatchObject({
      communityId: community.id,
      seats: 3,
      method: "stv-meek",
      unranked: "last",
      maxPerAffiliation: 2,
      // Empty: the community's committeeName at display time.
      committee: "",
    });
    const uncapped = await createElection(admin, { communityId: community.id, title: uniq("No cap"), maxPerAffiliation: null });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: uncapped.id } })).maxPerAffiliation).toBeNull();
    const own = await createElection(admin, { communityId: community.id, title: uniq("Own"), seats: 5, method: "schulze", unranked: "exclude", maxPerAffiliation: 1, committee: "Board" });
    expect(await prisma.election.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ seats: 5, method: "schulze", unranked: "exclude", maxPerAffiliation: 1, committee: "Board" });
    // Later changes to the defaults do not touch elections already created.
    await updateCommunity(admin, { communityId: community.id, name: community.name, defaultSeats: 7 });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: byDefault.id } })).seats).toBe(3);
  });
});
