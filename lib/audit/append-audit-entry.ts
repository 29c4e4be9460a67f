import { createHmac } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";

export const GENESIS_HASH = "0".repeat(64);

/** Every field of an entry except its own hash; verify-audit-chain recomputes the hash from these. */
export interface AuditEntryFields {
  seq: number;
  prevHash: string;
  electionId: string | null;
  /** Community-level entries only (role changes, community edits). */
  communityId?: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  details: unknown;
  createdAt: Date;
}

/** Where the chain ends: recorded as a checkpoint on results and logged on each append. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The exact text each entry's hash covers: every field but the hash itself. */
export function auditEntryText(e: AuditEntryFields): string {
  const fields: unknown[] = [e.seq, e.prevHash, e.electionId, e.actorId, e.actorLabel, e.action, e.details, e.createdAt.toISOString()];
  // Appended only when set, so entries written before communities existed keep their hashes.
  if (e.communityId) fields.push({ communityId: e.communityId });
  return canonicalJson(fields);
}

/**
 * HMAC-SHA-256 under AUDIT_SECRET, which lives outside the database: someone
 * who can write the table (even its owner, trigger disabled) cannot compute a
 * hash the verifier accepts for an entry they forged or edited.
 */
export function auditEntryHash(e: AuditEntryFields, key: string = env().auditSecret): string {
  return createHmac("sha256", key).update(auditEntryText(e)).digest("hex");
}

// PostgreSQL's jsonb reorders object keys, so the hashed text sorts them itself.
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * Appends one entry to the hash-chained audit log inside the caller's
 * transaction, so the action and its record commit or fail together. A
 * transaction-level advisory lock serialises appends: two concurrent actions
 * must not both chain onto the same previous entry. The seq is drawn before
 * the insert so that the hash covers it too.
 * Details must never carry a voter together with anything about a ballot.
 */
export async function appendAuditEntry(
  tx: Tx,
  entry: { electionId: string | null; communityId?: string | null; actor: Actor | null; action: string; details?: Record<string, unknown> },
): Promise<AuditHead> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7248531)`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const [{ seq }] = await tx.$queryRaw<{ seq: number }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEntry"', 'seq'))::int AS seq`;
  const fields: AuditEntryFields = {
    seq,
    prevHash: last?.hash ?? GENESIS_HASH,
    electionId: entry.electionId,
    communityId: entry.communityId ?? null,
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor ? (entry.actor.githubLogin ?? entry.actor.email ?? entry.actor.name ?? entry.actor.id) : "system",
    action: entry.action,
    details: entry.details ?? {},
    createdAt: new Date(),
  };
  const hash = auditEntryHash(fields);
  await tx.auditEntry.create({ data: { ...fields, details: fields.details as object, hash } });
  // The logs are a witness outside the database: a head logged here and missing
  // from the table later shows that entries were removed. Never the details.
  // (Logged before the caller's transaction commits; a rolled-back action leaves a head that never was.)
  logger.info({ auditSeq: seq, auditHead: hash }, "audit entry appended");
  return { seq, hash };
}
