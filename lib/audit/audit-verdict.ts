import type { AuditChainReport } from "./verify-audit-chain";

/** The verifier's verdict in one plain sentence, for the dashboard and the start-up log. */
export function auditVerdict(r: AuditChainReport): string {
  if (!r.ok) return `The audit log has been tampered with at entry ${r.brokenAt}: ${r.reason}.`;
  if (r.entries === 0) return "The audit log is whole: it has no entries yet.";
  const checkpoints = r.checkpoints === 1 ? "1 checkpoint" : `${r.checkpoints} checkpoints`;
  return `The audit log is whole: ${r.entries} ${r.entries === 1 ? "entry" : "entries"}, head #${r.headSeq} ${r.head} (${checkpoints} on results agree).`;
}
