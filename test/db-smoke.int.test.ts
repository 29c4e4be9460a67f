import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";

describe("database", () => {
  it("is migrated, and even its owner cannot edit or remove audit entries without first disabling the trigger", async () => {
    // A real chained entry, so the log stays verifiable for the other tests.
    await prisma.$transaction((tx) => appendAuditEntry(tx, { electionId: null, actor: null, action: "test.smoke" }));
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "test.smoke" }, orderBy: { seq: "desc" } });
    // The app's role has no UPDATE/DELETE/TRUNCATE at all (lib/audit/tamper.int.test.ts); the trigger stops the owner too.
    const owner = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.TEST_OWNER_DATABASE_URL! }) });
    try {
      await expect(owner.auditEntry.delete({ where: { seq: entry.seq } })).rejects.toThrow(/append-only/);
      await expect(owner.auditEntry.update({ where: { seq: entry.seq }, data: { action: "x" } })).rejects.toThrow(/append-only/);
      await expect(owner.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    } finally {
      await owner.$disconnect();
    }
    expect(await prisma.auditEntry.count({ where: { seq: entry.seq, action: "test.smoke" } })).toBe(1);
  });
});
