// Issue 8, defects 1 and 2: elections closed early or cancelled before this
// release get, from their audit entries, the real close time and the public
// cancellation reason the pages now show.
import { afterAll, describe, expect, it } from "vitest";
import { migrateDeploy } from "@/scripts/migrate-deploy";
import { appendOldAuditEntries, migrateUpTo, withClient } from "@/test/helpers/previous-schema";
import { createScratchDatabase, type ScratchDatabase } from "@/test/helpers/scratch-database";

const MIGRATION = "20261130100000_real_close_cancel_reason_exception_attempts";
const dropped: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of dropped) await db.drop();
});

describe("the real-close migration", () => {
  it("backfills when voting was closed and why an election was cancelled, and numbers old exception requests", async () => {
    const db = await createScratchDatabase({ migrated: false });
    dropped.push(db);
    await migrateUpTo(db.url, MIGRATION);
    await withClient(db.url, async (c) => {
      await c.query(`INSERT INTO "Community" (id, slug, name, "updatedAt") VALUES ('c', 'c', 'C', now())`);
      await c.query(`INSERT INTO "User" (id, name) VALUES ('u', 'Member')`);
      const election = (id: string, state: string) =>
        c.query(
          `INSERT INTO "Election" (id, "communityId", slug, title, seats, state, "votingOpenAt", "votingCloseAt", "updatedAt")
           VALUES ($1, 'c', $1, $1, 1, $2::"ElectionState", '2025-09-15', '2025-12-04', now())`,
          [id, state],
        );
      await election("early", "PUBLISHED");
      await election("cancelled", "CANCELLED");
      await election("open", "SCHEDULED");
      await c.query(`INSERT INTO "ExceptionRequest" (id, "electionId", "userId", reason, status) VALUES ('x', 'open', 'u', 'I review patches', 'DENIED')`);
      await appendOldAuditEntries(c, [
        { electionId: "early", actorId: null, actorLabel: "olu", action: "voting.closed", details: { participations: 3 } },
        { electionId: "cancelled", actorId: null, actorLabel: "olu", action: "election.cancelled", details: { reason: "Rules changed; a new election follows." } },
      ]);
    });

    await migrateDeploy(db.url);

    const prisma = db.prisma();
    const rows = await prisma.election.findMany({ orderBy: { id: "asc" }, select: { id: true, votingClosedAt: true, cancelledAt: true, cancelReason: true } });
    const audit = await prisma.auditEntry.findMany({ orderBy: { seq: "asc" }, select: { createdAt: true } });
    expect(rows).toEqual([
      { id: "cancelled", votingClosedAt: null, cancelledAt: audit[1].createdAt, cancelReason: "Rules changed; a new election follows." },
      { id: "early", votingClosedAt: audit[0].createdAt, cancelledAt: null, cancelReason: null },
      { id: "open", votingClosedAt: null, cancelledAt: null, cancelReason: null },
    ]);
    expect(await prisma.exceptionRequest.findMany({ select: { id: true, attempt: true, status: true } })).toEqual([{ id: "x", attempt: 1, status: "DENIED" }]);
  });
});
