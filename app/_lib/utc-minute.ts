// The schedule form's own notation: "2026-12-04 17:00", 24-hour, UTC. Written
// and read here only, so what the form shows is exactly what it saves.

const two = (n: number) => String(n).padStart(2, "0");

/** A Date as "YYYY-MM-DD HH:MM" in UTC (seconds dropped), or "" for none. */
export function utcMinute(d: Date | null): string {
  if (!d) return "";
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?Z?$/;

/**
 * "YYYY-MM-DD HH:MM" (a "T" instead of the space, seconds and a trailing Z are
 * accepted: hidden fields round-trip exact instants) read as UTC, or null when
 * it is not a real date and time (2026-02-30, 24:00, 12-hour "5:00 PM", …).
 */
export function parseUtcMinute(text: string): Date | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  const same = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi;
  return same && s < 60 ? date : null;
}
