// Turns an audit entry's `details` (free-form JSON) into short key: value rows
// for the officials' audit table; the full text stays available (title).

export interface AuditDetailRow {
  key: string;
  /** What the table shows: at most `max` characters, ending in "…" when cut. */
  shown: string;
  /** The whole value, for the title attribute (and screen readers via it). */
  full: string;
  truncated: boolean;
}

export const AUDIT_VALUE_MAX = 60;

function asText(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

export function truncate(text: string, max: number = AUDIT_VALUE_MAX): { shown: string; truncated: boolean } {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  if (chars.length <= max) return { shown: chars.join(""), truncated: text.trim() !== chars.join("") };
  return { shown: `${chars.slice(0, max - 1).join("").trimEnd()}…`, truncated: true };
}

/** One row per top-level key of an object; anything else (array, scalar) is a single "value" row. Empty details give no rows. */
export function auditDetailRows(details: unknown, max: number = AUDIT_VALUE_MAX): AuditDetailRow[] {
  const entries: [string, unknown][] =
    details !== null && typeof details === "object" && !Array.isArray(details)
      ? Object.entries(details as Record<string, unknown>)
      : details === null || details === undefined
        ? []
        : [["value", details]];
  return entries.map(([key, v]) => {
    const full = asText(v);
    const { shown, truncated } = truncate(full, max);
    return { key, shown, full, truncated };
  });
}
