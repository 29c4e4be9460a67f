import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

export const GENESIS_HASH = "0".repeat(64);

/** The exact text each entry's hash covers; verify-audit-chain recomputes it. */
export function auditEntryText(e: {
  prevHash: string;
  electionId: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  details: unknown;
  createdAt: Date;
}): string {
  return canonicalJson([e.prevHash, e.electionId, e.actorId, e.actorLabel, e.action, e.details, e.createdAt.toISOString()]);
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
 * must not both chain onto the same previous entry.
 * Details must never carry a voter together with anything about a ballot.
 */
export async function appendAuditEntry(
  tx: Tx,
  entry: { electionId: string | null; actor: Actor | null; action: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7248531)`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const createdAt = new Date();
  const actorLabel = entry.actor ? (entry.actor.githubLogin ?? entry.actor.email ?? entry.actor.name ?? entry.actor.id) : "system";
  const details = entry.details ?? {};
  const hash = createHash("sha256")
    .update(auditEntryText({ prevHash, electionId: entry.electionId, actorId: entry.actor?.id ?? null, actorLabel, action: entry.action, details, createdAt }))
    .digest("hex");
  await tx.auditEntry.create({
    data: { electionId: entry.electionId, actorId: entry.actor?.id ?? null, actorLabel, action: entry.action, details: details as object, createdAt, prevHash, hash },
  });
}
