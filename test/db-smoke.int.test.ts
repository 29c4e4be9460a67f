import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";

describe("database", () => {
  it("is migrated and refuses to edit the audit log", async () => {
    const entry = await prisma.auditEntry.create({
      data: { actorLabel: "test", action: "smoke", prevHash: "0".repeat(64), hash: `smoke-${Date.now()}` },
    });
    await expect(prisma.auditEntry.delete({ where: { seq: entry.seq } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEntry.update({ where: { seq: entry.seq }, data: { action: "x" } })).rejects.toThrow(/append-only/);
  });
});
