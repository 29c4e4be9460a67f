import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { prisma } from "@/lib/db/client";
import { createElection } from "@/lib/elections/create-election";
import { auditEntryHash } from "./append-audit-entry";
import { verifyAuditChain } from "./verify-audit-chain";
import { expectRefused, makeAdmin, makeCommunity, makeCommunityAdmin, uniq } from "@/test/helpers/factories";

// Other test files share this database and may leave entries that are not part
// of a real chain (the smoke test inserts one by hand), so each check here is
// anchored on the last entry before this file's own actions.
async function anchor(): Promise<number> {
  return (await prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
}

class Rollback extends Error {}

describe("verifyAuditChain", () => {
  it("passes on a real chain written by use cases, and reports its head", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const instanceAdmin = await makeAdmin();
    const afterSeq = await anchor();
    for (let i = 0; i < 3; i++) await createElection(admin, { communityId: community.id, title: uniq("Chain"), seats: 1 });
    // A refused call leaves no entry: the instance admin holds no power inside a community.
    await expectRefused(() => createElection(instanceAdmin, { communityId: community.id, title: uniq("Chain"), seats: 1 }), ForbiddenError);
    const report = await verifyAuditChain(prisma, { afterSeq });
    const last = await prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(report).toMatchObject({ ok: true, entries: 3, head: last.hash, headSeq: last.seq });
  });

  it("detects a forged entry inserted with a wrong prevHash", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const afterSeq = await anchor();
    await createElection(admin, { communityId: community.id, title: uniq("Chain"), seats: 1 });
    let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    // Inside a transaction that is rolled back, so the forgery does not outlive the test.
    await expect(
      prisma.$transaction(async (tx) => {
        const createdAt = new Date();
        const [{ seq }] = await tx.$queryRaw<{ seq: number }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEntry"', 'seq'))::int AS seq`;
        // Even hashed with the right key, an entry that does not chain onto the head is caught.
        const forged = { seq, prevHash: "f".repeat(64), electionId: null, actorId: null, actorLabel: "mallory", action: "official.appointed", details: {}, createdAt };
        const hash = auditEntryHash(forged);
        await tx.$executeRaw`INSERT INTO "AuditEntry" (seq, "actorLabel", action, details, "createdAt", "prevHash", hash) VALUES (${seq}, 'mallory', 'official.appointed', '{}'::jsonb, ${createdAt}, ${forged.prevHash}, ${hash})`;
        report = await verifyAuditChain(tx, { afterSeq });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(report).toMatchObject({ ok: false, entries: 1, brokenAt: expect.any(Number), reason: expect.stringMatching(/chain/) });
    expect((await verifyAuditChain(prisma, { afterSeq })).ok).toBe(true);
  });

  it("detects an entry whose content does not match its hash", async () => {
    const afterSeq = await anchor();
    const last = await prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "AuditEntry" ("actorLabel", action, details, "createdAt", "prevHash", hash) VALUES ('mallory', 'election.cancelled', '{}'::jsonb, now(), ${last.hash}, ${"0".repeat(63) + "1"})`;
        const report = await verifyAuditChain(tx, { afterSeq });
        expect(report).toMatchObject({ ok: false, entries: 0, reason: expect.stringMatching(/content/) });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
  });

  it("an anchor that does not exist is reported as broken", async () => {
    expect(await verifyAuditChain(prisma, { afterSeq: 999_999_999 })).toMatchObject({ ok: false });
  });
});
