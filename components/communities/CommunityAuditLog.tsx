import { AuditDetails } from "@/components/audit/AuditDetails";
import { LocalTime } from "@/components/LocalTime";
import { td, th } from "@/components/ui";

export interface CommunityAuditRow {
  seq: number;
  createdAt: Date;
  actorLabel: string;
  action: string;
  details: unknown;
  /** The election an official appointment concerns; null for the community's own entries. */
  electionTitle: string | null;
}

/** The community's recent role changes and edits, newest first. */
export function CommunityAuditLog({ entries }: { entries: CommunityAuditRow[] }) {
  if (entries.length === 0) return <p className="mt-2 text-gray-800">Nothing recorded yet.</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Recent audit entries of this community, newest first</caption>
        <thead>
          <tr>
            {["#", "When", "Who", "What", "Details"].map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className={td}>{e.seq}</td>
              <td className={td}>
                <LocalTime iso={e.createdAt.toISOString()} />
              </td>
              <td className={`${td} break-words`}>{e.actorLabel}</td>
              <td className={td}>
                <code>{e.action}</code>
                {e.electionTitle && <span className="block text-gray-700">{e.electionTitle}</span>}
              </td>
              <td className={td}>
                <AuditDetails details={e.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
