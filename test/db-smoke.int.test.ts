import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";

describe("database", () => {
  it("is migrated and refuses to edit or remove audit entries", async () => {
    // A real chained entry, so the log stays verifiable for the other tests.
    await prisma.$transaction((tx) => appendAuditEntry(tx, { electionId: null, actor: null, action: "test.smoke" }));
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "test.smoke" }, orderBy: { seq: "desc" } });
    await expect(prisma.auditEntry.delete({ where: { seq: entry.seq } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEntry.update({ where: { seq: entry.seq }, data: { action: "x" } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.count({ where: { seq: entry.seq, action: "test.smoke" } })).toBe(1);
  });
});
