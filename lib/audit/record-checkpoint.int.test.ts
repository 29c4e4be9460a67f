import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { tallyElection } from "@/lib/elections/tally-election";
import { publishResults } from "@/lib/elections/publish-results";
import { declareElectedUnopposed } from "@/lib/elections/declare-elected-unopposed";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { makeCandidate, makeElection, makeOfficial } from "@/test/helpers/factories";
import { verifyAuditChain } from "./verify-audit-chain";

afterAll(() => closeRateLimitStore());

const entry = (electionId: string, action: string) => prisma.auditEntry.findFirstOrThrow({ where: { electionId, action }, select: { seq: true, hash: true } });

describe("checkpoints of the audit chain's head on results", () => {
  it("are recorded at the tally and at publication, each the head right after its own entry", async () => {
    const e = await makeElection("closed", { seats: 1 });
    const official = await makeOfficial(e.id);
    await makeCandidate(e.id);
    await makeCandidate(e.id);
    await tallyElection(official, { electionId: e.id });
    const tallied = await entry(e.id, "election.tallied");
    expect(await prisma.result.findUniqueOrThrow({ where: { electionId: e.id } })).toMatchObject({
      talliedAuditSeq: tallied.seq,
      talliedAuditHash: tallied.hash,
      publishedAuditSeq: null,
      publishedAuditHash: null,
    });
    await publishResults(official, { electionId: e.id });
    const published = await entry(e.id, "results.published");
    expect(await prisma.result.findUniqueOrThrow({ where: { electionId: e.id } })).toMatchObject({
      talliedAuditSeq: tallied.seq,
      publishedAuditSeq: published.seq,
      publishedAuditHash: published.hash,
    });
    const report = await verifyAuditChain(prisma);
    expect(report).toMatchObject({ ok: true });
    expect(report.checkpoints).toBeGreaterThanOrEqual(2);
  });

  it("are recorded (both at once) when candidates are declared elected unopposed", async () => {
    const e = await makeElection("campaign", { seats: 2 });
    const official = await makeOfficial(e.id);
    await makeCandidate(e.id);
    await declareElectedUnopposed(official, { electionId: e.id });
    const declared = await entry(e.id, "election.declared-unopposed");
    expect(await prisma.result.findUniqueOrThrow({ where: { electionId: e.id } })).toMatchObject({
      talliedAuditSeq: declared.seq,
      talliedAuditHash: declared.hash,
      publishedAuditSeq: declared.seq,
      publishedAuditHash: declared.hash,
    });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });
});
