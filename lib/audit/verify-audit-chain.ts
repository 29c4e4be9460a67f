import { createHash } from "node:crypto";
import type { Db } from "@/lib/auth/permissions";
import { auditEntryText, GENESIS_HASH } from "./append-audit-entry";

export interface AuditChainReport {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** Hash of the last entry checked (GENESIS_HASH for an empty log); printed on results. */
  head: string;
  /** seq of the first entry that does not chain onto its predecessor or whose hash is wrong. */
  brokenAt?: number;
  reason?: string;
}

const PAGE = 1000;

/**
 * Recomputes every hash in seq order. An edited entry fails its own hash; a
 * removed one breaks the next entry's prevHash; a forged one either fails its
 * hash or, made consistent, cannot chain onto the real head.
 * `afterSeq` checks the tail after a trusted entry (anchored on that entry's hash).
 */
export async function verifyAuditChain(db: Db, opts: { afterSeq?: number } = {}): Promise<AuditChainReport> {
  let cursor = opts.afterSeq ?? 0;
  let expectedPrev = GENESIS_HASH;
  if (opts.afterSeq !== undefined && opts.afterSeq > 0) {
    const anchor = await db.auditEntry.findUnique({ where: { seq: opts.afterSeq }, select: { hash: true } });
    if (!anchor) return { ok: false, entries: 0, head: GENESIS_HASH, brokenAt: opts.afterSeq, reason: "the anchor entry is missing" };
    expectedPrev = anchor.hash;
  }
  let entries = 0;
  for (;;) {
    const page = await db.auditEntry.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const e of page) {
      if (e.prevHash !== expectedPrev) return { ok: false, entries, head: expectedPrev, brokenAt: e.seq, reason: "does not chain onto the previous entry" };
      const hash = createHash("sha256").update(auditEntryText(e)).digest("hex");
      if (hash !== e.hash) return { ok: false, entries, head: expectedPrev, brokenAt: e.seq, reason: "its content does not match its hash" };
      expectedPrev = e.hash;
      entries++;
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1].seq;
  }
  return { ok: true, entries, head: expectedPrev };
}
