import type { AuditEntry } from "@/lib/generated/prisma/client";
import { AuditDetails } from "@/components/audit/AuditDetails";
import { LocalTime } from "@/components/LocalTime";
import { td, th } from "@/components/ui";

/** An election's audit entries, newest first; the table scrolls inside its own box on a narrow screen. */
export function AuditTable({ audit }: { audit: AuditEntry[] }) {
  return audit.length === 0 ? (
    <p className="mt-2 text-gray-800">No entries yet.</p>
  ) : (
    <div className="relative mt-3 overflow-x-auto" role="region" aria-label="Audit log (scrolls sideways on small screens)" tabIndex={0}>
      <table className="w-full min-w-[52rem] border-collapse text-sm" data-testid="audit-log">
        <caption className="sr-only">Audit entries for this election, newest first</caption>
        <thead>
          <tr>
            {["#", "When", "Who", "Action", "Details", "Hash"].map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {audit.map((a) => (
            <tr key={a.seq}>
              <td className="border border-gray-400 p-2 tabular-nums">{a.seq}</td>
              <td className="border border-gray-400 p-2 whitespace-nowrap">
                <LocalTime iso={a.createdAt.toISOString()} />
              </td>
              <td className={td}>{a.actorLabel}</td>
              <td className="border border-gray-400 p-2 font-mono">{a.action}</td>
              <td className="min-w-72 border border-gray-400 p-2 text-xs">
                <AuditDetails details={a.details} />
              </td>
              <td className="border border-gray-400 p-2 font-mono text-xs" title={a.hash}>
                {a.hash.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
