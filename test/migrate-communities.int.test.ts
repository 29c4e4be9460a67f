// Issue 7, point 6: a database made with the schema before communities moves,
// through `prisma migrate deploy` as `npm start` runs it, every election into
// one default community without losing or changing anything else, and its
// keyed audit chain still verifies.
import { afterAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { inspectDemoDatabaseAt } from "@/lib/demo/demo-database";
import { migrateDeploy } from "@/scripts/migrate-deploy";
import { appendOldAuditEntries, fillPreviousSchema, migrateUpTo, migrationNames, tableDigests, withClient } from "@/test/helpers/previous-schema";
import { createScratchDatabase, type ScratchDatabase } from "@/test/helpers/scratch-database";

const COMMUNITIES = "20261129400000_communities";

const dropped: ScratchDatabase[] = [];
async function previousSchemaDatabase(): Promise<ScratchDatabase> {
  const db = await createScratchDatabase({ migrated: false });
  dropped.push(db);
  const applied = await migrateUpTo(db.url, COMMUNITIES);
  expect(applied.length).toBeGreaterThanOrEqual(6);
  return db;
}

afterAll(async () => {
  for (const db of dropped) await db.drop();
});

describe("the communities migration on a database of the previous schema", () => {
  it("moves every election into one default community, loses nothing, and the audit chain still verifies", async () => {
    const db = await previousSchemaDatabase();
    const old = await fillPreviousSchema(db.url);
    const before = await tableDigests(db.url);
    // The fixture really fills the old tables (a digest of empty tables would prove nothing).
    for (const t of ["User", "Account", "Session", "Election", "Official", "Candidacy", "CandidacyRevision", "ElectorateEntry", "ExceptionRequest", "Participation", "Ballot", "PendingBallot", "Result", "AuditEntry"]) {
      expect(before[t], t).toMatch(/^[1-9]\d*:/);
    }
    // The head the old release would have shown (its own client cannot run here: it predates the schema).
    const oldHead = await withClient(db.url, async (c) => (await c.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM "AuditEntry" ORDER BY seq DESC LIMIT 1`)).rows[0]);

    await migrateDeploy(db.url);

    // Every migration is applied, the last ones included.
    const applied = await withClient(db.url, async (c) => (await c.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`)).rows.map((r) => r.migration_name));
    expect(applied).toEqual(await migrationNames());

    const after = await tableDigests(db.url);
    const { Community, CommunityAdmin, ...kept } = after;
    // Same tables, same rows, same content (the new columns aside).
    expect(kept).toEqual(before);
    expect(Community).toMatch(/^1:/);
    expect(CommunityAdmin).toMatch(/^0:/);

    const prisma = db.prisma();
    const community = await prisma.community.findUniqueOrThrow({ where: { slug: "default" }, include: { elections: { orderBy: { slug: "asc" } }, admins: true } });
    expect(community).toMatchObject({ id: "default-community", name: "Default community", defaultSeats: 1, defaultMethod: "schulze", defaultMaxPerAffiliation: null, rollFormats: [] });
    expect(community.elections.map((e) => [e.id, e.slug, e.state, e.committee])).toEqual([
      ["election-a", "board-2025", "PUBLISHED", ""],
      ["election-b", "tsc-2026", "SCHEDULED", ""],
    ]);
    // Old slugs resolve by the new per-community key; officials, ballots and the result stay with their election.
    const a = await prisma.election.findUniqueOrThrow({
      where: { communityId_slug: { communityId: community.id, slug: old.elections[0].slug } },
      include: { officials: true, result: true, _count: { select: { ballots: true, participations: true, candidacies: true, electorate: true } } },
    });
    expect(a.officials.map((o) => o.userId)).toEqual([old.users.official]);
    expect(a._count).toEqual({ ballots: 2, participations: 2, candidacies: 2, electorate: 3 });
    expect(a.result).toMatchObject({ talliedAuditSeq: 5, publishedAuditSeq: 6 });

    // The chain is whole under the same key: old entries hash as before (no communityId in their text).
    const chain = await verifyAuditChain(prisma);
    expect(chain).toMatchObject({ ok: true, entries: 9, checkpoints: 2, head: oldHead.hash, headSeq: oldHead.seq });
    expect(await prisma.auditEntry.count({ where: { communityId: { not: null } } })).toBe(0);

    // And the app carries on: a community-level entry (hashed with its communityId) chains onto the old head.
    const admin = { id: old.users.admin, name: "Old admin", email: "admin@example.org", githubLogin: "old-admin", isAdmin: true };
    await prisma.$transaction(async (tx) => {
      await tx.communityAdmin.create({ data: { communityId: community.id, userId: old.users.official } });
      await appendAuditEntry(tx, { electionId: null, communityId: community.id, actor: admin, action: "community.admin-appointed", details: { userId: old.users.official } });
    });
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, entries: 10, headSeq: 10 });
  });

  it("creates no default community in a database without elections", async () => {
    const db = await previousSchemaDatabase();
    await withClient(db.url, async (c) => {
      await c.query(`INSERT INTO "User" (id, name, email) VALUES ('lonely', 'Only a user', 'lonely@example.org')`);
      await appendOldAuditEntries(c, [{ electionId: null, actorId: "lonely", actorLabel: "lonely@example.org", action: "sessions.revoked", details: { userId: "lonely" } }]);
    });
    const before = await tableDigests(db.url);

    await migrateDeploy(db.url);

    const { Community, CommunityAdmin, ...kept } = await tableDigests(db.url);
    expect(kept).toEqual(before);
    expect(Community).toBe("0:" + (await withClient(db.url, async (c) => (await c.query<{ d: string }>(`SELECT md5('') AS d`)).rows[0].d)));
    expect(CommunityAdmin).toMatch(/^0:/);
    expect(await verifyAuditChain(db.prisma())).toMatchObject({ ok: true, entries: 1 });
  });

  it("migrates an existing demo database, which stays a demo database", async () => {
    const db = await previousSchemaDatabase();
    await fillPreviousSchema(db.url, { demo: true });
    expect(await inspectDemoDatabaseAt(db.url)).toEqual({ ok: true, state: "demo" });

    await migrateDeploy(db.url);

    // npm start checks this before it migrates, and demo sign-in again after: both must still say demo.
    expect(await inspectDemoDatabaseAt(db.url)).toEqual({ ok: true, state: "demo" });
    expect(await db.prisma().election.count({ where: { communityId: "default-community" } })).toBe(2);
    expect((await verifyAuditChain(db.prisma())).ok).toBe(true);
  });
});
