import type { Db } from "@/lib/auth/permissions";
import { env } from "@/lib/config/env";
import { auditEntryHash, GENESIS_HASH } from "./append-audit-entry";

export interface AuditChainReport {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** Hash of the last entry checked (GENESIS_HASH for an empty log); printed on results. */
  head: string;
  /** seq of that entry (0 for an empty log). */
  headSeq: number;
  /** Checkpoints (heads recorded on results) found in the chain as recorded. */
  checkpoints: number;
  /** seq of the first entry that does not chain onto its predecessor, whose hash is wrong, or that a checkpoint names but the chain lacks. */
  brokenAt?: number;
  reason?: string;
}

const PAGE = 1000;

/**
 * Recomputes every hash (HMAC under AUDIT_SECRET) in seq order. An edited
 * entry fails its own hash; a removed one breaks the next entry's prevHash; a
 * forged one cannot get a valid hash without the secret. Removing the last
 * entries leaves a valid shorter chain, so every checkpoint recorded on a
 * result must still be in the chain with the same hash.
 * `afterSeq` checks the tail after a trusted entry (anchored on that entry's hash).
 */
export async function verifyAuditChain(db: Db, opts: { afterSeq?: number } = {}): Promise<AuditChainReport> {
  const key = env().auditSecret;
  let cursor = opts.afterSeq ?? 0;
  let expectedPrev = GENESIS_HASH;
  let headSeq = 0;
  if (opts.afterSeq !== undefined && opts.afterSeq > 0) {
    const anchor = await db.auditEntry.findUnique({ where: { seq: opts.afterSeq }, select: { hash: true } });
    if (!anchor) return { ok: false, entries: 0, head: GENESIS_HASH, headSeq, checkpoints: 0, brokenAt: opts.afterSeq, reason: "the anchor entry is missing" };
    expectedPrev = anchor.hash;
    headSeq = opts.afterSeq;
  }
  let entries = 0;
  for (;;) {
    const page = await db.auditEntry.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const e of page) {
      const broken = (reason: string): AuditChainReport => ({ ok: false, entries, head: expectedPrev, headSeq, checkpoints: 0, brokenAt: e.seq, reason });
      if (e.prevHash !== expectedPrev) return broken("it does not chain onto the previous entry");
      if (auditEntryHash(e, key) !== e.hash) return broken("its content does not match its hash");
      expectedPrev = e.hash;
      headSeq = e.seq;
      entries++;
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1].seq;
  }
  const bad = await checkCheckpoints(db);
  if (bad.brokenAt !== undefined) return { ok: false, entries, head: expectedPrev, headSeq, checkpoints: bad.checked, brokenAt: bad.brokenAt, reason: bad.reason };
  return { ok: true, entries, head: expectedPrev, headSeq, checkpoints: bad.checked };
}

async function checkCheckpoints(db: Db): Promise<{ checked: number; brokenAt?: number; reason?: string }> {
  const results = await db.result.findMany({
    where: { OR: [{ talliedAuditSeq: { not: null } }, { publishedAuditSeq: { not: null } }] },
    select: { election: { select: { slug: true } }, talliedAuditSeq: true, talliedAuditHash: true, publishedAuditSeq: true, publishedAuditHash: true },
  });
  const points = results.flatMap((r) => [
    ...(r.talliedAuditSeq !== null ? [{ seq: r.talliedAuditSeq, hash: r.talliedAuditHash, what: `the tally of "${r.election.slug}"` }] : []),
    ...(r.publishedAuditSeq !== null ? [{ seq: r.publishedAuditSeq, hash: r.publishedAuditHash, what: `the publication of "${r.election.slug}"` }] : []),
  ]);
  const found = new Map(
    (await db.auditEntry.findMany({ where: { seq: { in: points.map((p) => p.seq) } }, select: { seq: true, hash: true } })).map((e) => [e.seq, e.hash]),
  );
  points.sort((a, b) => a.seq - b.seq);
  for (const p of points) {
    const hash = found.get(p.seq);
    if (hash === undefined) return { checked: points.length, brokenAt: p.seq, reason: `the checkpoint recorded at ${p.what} names this entry, which is missing (entries were removed)` };
    if (hash !== p.hash) return { checked: points.length, brokenAt: p.seq, reason: `its hash differs from the checkpoint recorded at ${p.what}` };
  }
  return { checked: points.length };
}
