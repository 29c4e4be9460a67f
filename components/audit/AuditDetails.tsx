import { auditDetailRows } from "./audit-details";

/** An audit entry's details as a compact key: value list; cut values keep their full text in a title. */
export function AuditDetails({ details }: { details: unknown }) {
  const rows = auditDetailRows(details);
  if (rows.length === 0) return <span className="text-gray-700">—</span>;
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-2 gap-y-0.5">
      {rows.map((r) => (
        <div key={r.key} className="contents">
          <dt className="font-semibold text-gray-900">{r.key}:</dt>
          <dd className="break-words text-gray-900" title={r.truncated ? r.full : undefined}>
            {r.shown}
          </dd>
        </div>
      ))}
    </dl>
  );
}
