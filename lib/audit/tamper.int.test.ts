// Attacks on the audit log (issue 6, items 5 and 11). The app role must not be
// able to rewrite the log at all; an attacker with the owner's rights (who can
// disable the append-only trigger) must be caught by the verifier: a keyed
// hash they cannot recompute, and checkpoints of the head kept on Result rows.
// Every forgery runs in a transaction that is rolled back, so the shared test
// database keeps a whole chain for the other test files.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { createElection } from "@/lib/elections/create-election";
import { tallyElection } from "@/lib/elections/tally-election";
import { publishResults } from "@/lib/elections/publish-results";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { makeCandidate, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, uniq } from "@/test/helpers/factories";
import { verifyAuditChain, type AuditChainReport } from "./verify-audit-chain";

const ownerUrl = process.env.TEST_OWNER_DATABASE_URL ?? process.env.DATABASE_URL!;
const owner = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });

afterAll(async () => {
  await owner.$disconnect();
  await closeRateLimitStore();
});

class Rollback extends Error {}

/** Runs `attack` in a transaction of `db`, reports what the verifier says inside it, then rolls everything back. */
async function verdictAfter(db: PrismaClient, attack: (tx: Tx) => Promise<void>, opts: { afterSeq?: number } = {}): Promise<AuditChainReport> {
  let report: AuditChainReport | undefined;
  await expect(
    db.$transaction(async (tx) => {
      await attack(tx);
      report = await verifyAuditChain(tx, opts);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
  return report!;
}

/** An election created through its use case, so the log holds a real entry for it. */
async function createAuditedElection(): Promise<void> {
  const community = await makeCommunity();
  const admin = await makeCommunityAdmin(community.id);
  await createElection(admin, { communityId: community.id, title: uniq("Audit"), seats: 1 });
}

async function lastEntry() {
  return prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

/** The hash today's unkeyed chain used: what anyone with database access can compute. */
function plainSha256(e: { prevHash: string; electionId: string | null; actorId: string | null; actorLabel: string; action: string; details: unknown; createdAt: Date }): string {
  return createHash("sha256")
    .update(JSON.stringify([e.prevHash, e.electionId, e.actorId, e.actorLabel, e.action, e.details, e.createdAt.toISOString()]))
    .digest("hex");
}

describe("the app's database role", () => {
  it("is not a superuser and owns no table", async () => {
    const [me] = await prisma.$queryRaw<{ super: boolean; owned: bigint }[]>`
      SELECT r.rolsuper AS super, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(me).toEqual({ super: false, owned: 0n });
  });

  it.each([
    ["ALTER TABLE … DISABLE TRIGGER", 'ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL', /must be owner/],
    ["UPDATE", `UPDATE "AuditEntry" SET action = 'forged'`, /permission denied/],
    ["DELETE", 'DELETE FROM "AuditEntry"', /permission denied/],
    ["TRUNCATE", 'TRUNCATE "AuditEntry"', /permission denied/],
  ])("cannot %s the audit log", async (_name, sql, refusal) => {
    await createAuditedElection();
    const before = await prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
    await expect(prisma.$executeRawUnsafe(sql)).rejects.toThrow(refusal);
    expect(await prisma.auditEntry.findMany({ orderBy: { seq: "asc" } })).toEqual(before);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });
});

describe("the verifier", () => {
  it("detects an entry forged and correctly chained with plain SHA-256 (no secret)", async () => {
    await createAuditedElection();
    const last = await lastEntry();
    const forged = { prevHash: last.hash, electionId: null, actorId: null, actorLabel: "mallory", action: "official.appointed", details: {}, createdAt: new Date() };
    const hash = plainSha256(forged);
    // As the app role, which may append: the only defence left is the key.
    const report = await verdictAfter(prisma, async (tx) => {
      await tx.$executeRaw`INSERT INTO "AuditEntry" ("actorLabel", action, details, "createdAt", "prevHash", hash)
        VALUES ('mallory', 'official.appointed', '{}'::jsonb, ${forged.createdAt}, ${forged.prevHash}, ${hash})`;
    });
    expect(report).toMatchObject({ ok: false, brokenAt: expect.any(Number), reason: expect.stringMatching(/content/) });
    expect(report.brokenAt).toBeGreaterThan(last.seq);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it("detects the last entries deleted by the owner (trigger disabled) through the checkpoint on the result", async () => {
    const e = await makeElection("closed", { seats: 1 });
    const official = await makeOfficial(e.id);
    await makeCandidate(e.id);
    await makeCandidate(e.id);
    await tallyElection(official, { electionId: e.id });
    await publishResults(official, { electionId: e.id });
    const tallied = await prisma.auditEntry.findFirstOrThrow({ where: { electionId: e.id, action: "election.tallied" } });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
    const report = await verdictAfter(owner, async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEntry" DISABLE TRIGGER USER');
      await tx.$executeRaw`DELETE FROM "AuditEntry" WHERE seq >= ${tallied.seq}`;
    });
    expect(report).toMatchObject({ ok: false, brokenAt: tallied.seq, reason: expect.stringMatching(/checkpoint/) });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  const EDITS: [string, string][] = [
    ["seq", "seq = seq + 1000000"],
    ["electionId", `"electionId" = 'forged-election'`],
    // Absent on election entries, hashed when present: adding one must break the hash too.
    ["communityId", `"communityId" = 'forged-community'`],
    ["actorId", `"actorId" = 'mallory'`],
    ["actorLabel", `"actorLabel" = 'mallory'`],
    ["action", `action = 'election.forged'`],
    ["details", `details = '{"forged": true}'::jsonb`],
    ["createdAt", `"createdAt" = "createdAt" + interval '1 millisecond'`],
    ["prevHash", `"prevHash" = repeat('a', 64)`],
    ["hash", `hash = repeat('b', 64)`],
  ];

  it.each(EDITS)("detects an edit of %s of a real entry by the owner", async (_field, assignment) => {
    await createAuditedElection();
    // The head: there an edit of seq that keeps the order would not break any link.
    const target = await lastEntry();
    const report = await verdictAfter(owner, async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEntry" DISABLE TRIGGER USER');
      expect(await tx.$executeRawUnsafe(`UPDATE "AuditEntry" SET ${assignment} WHERE seq = ${target.seq}`)).toBe(1);
    });
    expect(report.ok).toBe(false);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });
});
