import type { Tx } from "@/lib/db/client";
import type { AuditHead } from "./append-audit-entry";

/**
 * Records the audit chain's head on an election's result, in the transaction
 * that appended it: a copy outside the AuditEntry table that the verifier
 * checks, and that the results page and dashboard show, so that removing the
 * last entries of the log cannot pass for a shorter, whole chain.
 */
export async function recordCheckpoint(tx: Tx, electionId: string, at: "tallied" | "published" | "both", head: AuditHead): Promise<void> {
  const tallied = { talliedAuditSeq: head.seq, talliedAuditHash: head.hash };
  const published = { publishedAuditSeq: head.seq, publishedAuditHash: head.hash };
  await tx.result.update({ where: { electionId }, data: at === "tallied" ? tallied : at === "published" ? published : { ...tallied, ...published } });
}
