import { BallotSetBuilder } from "../ballot-set";
import { TallyInputError, type Candidate, type CompiledElection } from "../types";
import { ballotRows, compiledFromParts, definedOnly, formatNumber, type AnyElection, type ElectionOptions } from "./common";

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const ZERO = 48;
const NINE = 57;

/** The largest rank accepted; anything bigger is a typo, and it must fit an Int32Array. */
const MAX_RANK = 1_000_000;

/**
 * Elekto ballots CSV (PRODUCT §8): a header of candidate ids, then one row per
 * ballot whose cells are ranks (1 = best, equal = tie) or "No opinion" (empty
 * means the same).
 *
 * The body is scanned byte by byte straight into an Int32Array rank row that
 * feeds BallotSetBuilder: no per-row strings, no split(), so a 100,000-ballot
 * file costs little more than reading it. Anything that is not a plain number
 * drops to a slow path that decodes just that cell.
 */
export function parseElektoCsv(input: Uint8Array | string, opts: ElectionOptions = {}): CompiledElection {
  const buf = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const len = buf.length;
  let pos = 0;
  if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
  const decoder = new TextDecoder();
  let line = 1;

  // Skip blank lines before the header.
  while (pos < len && (buf[pos] === LF || buf[pos] === CR || buf[pos] === 32)) {
    if (buf[pos] === LF) line++;
    pos++;
  }
  if (pos >= len) throw new TallyInputError("the file is empty: expected a header row of candidate ids", 1);

  const header: string[] = [];
  const headerLine = line;
  for (;;) {
    const cell = readTextCell(buf, pos, line, decoder);
    header.push(cell.text.trim());
    pos = cell.end;
    line = cell.line;
    if (pos < len && buf[pos] === COMMA) {
      pos++;
      continue;
    }
    pos = skipEol(buf, pos);
    break;
  }
  line++;
  const seen = new Map<string, number>();
  header.forEach((id, i) => {
    if (id === "") throw new TallyInputError(`column ${i + 1} of the header has no candidate id`, headerLine);
    if (seen.has(id)) throw new TallyInputError(`candidate id "${id}" appears twice in the header (columns ${seen.get(id)! + 1} and ${i + 1})`, headerLine);
    seen.set(id, i);
  });
  const n = header.length;
  // Room for about as many distinct ballots as a file of this size holds (a row
  // with anything ranked takes a few bytes a candidate), up to a bound, so a
  // large file is not copied over and over as the builder grows.
  const builder = new BallotSetBuilder(n, Math.min(Math.max(1024, Math.ceil((len - pos) / (4 * n))), 1 << 17));
  const rank = new Int32Array(n);

  while (pos < len) {
    // Blank lines (a trailing newline, say) are not ballots.
    if (buf[pos] === LF || buf[pos] === CR) {
      if (buf[pos] === LF) line++;
      pos++;
      continue;
    }
    const rowLine = line;
    let col = 0;
    for (;;) {
      let value = -1;
      let p = pos;
      let b = p < len ? buf[p] : LF;
      if (b === COMMA || b === LF || b === CR) {
        value = 0;
      } else if (b === 78 /* N */ && isNoOpinion(buf, p)) {
        // Elekto writes "No opinion" for most cells of a truncated ballot: keep them off the slow path.
        value = 0;
        pos = p + NO_OPINION.length;
      } else if (b >= ZERO && b <= NINE) {
        // Fast path: digits right up to the separator.
        let v = 0;
        while (b >= ZERO && b <= NINE && v <= MAX_RANK) {
          v = v * 10 + (b - ZERO);
          b = ++p < len ? buf[p] : LF;
        }
        if ((b === COMMA || b === LF || b === CR) && v !== 0 && v <= MAX_RANK) {
          value = v;
          pos = p;
        }
      }
      if (value < 0) {
        const cell = readTextCell(buf, pos, line, decoder);
        pos = cell.end;
        line = cell.line;
        value = cellRank(cell.text, header, col, rowLine);
      }
      if (col < n) rank[col] = value;
      col++;
      if (pos < len && buf[pos] === COMMA) {
        pos++;
        continue;
      }
      break;
    }
    if (col !== n)
      throw new TallyInputError(`the row has ${col} column${col === 1 ? "" : "s"} but the header names ${n} candidates`, rowLine);
    pos = skipEol(buf, pos);
    line++;
    builder.add(rank, 1);
  }

  const candidates: Candidate[] = header.map((id) => ({ id, name: id, affiliation: null }));
  return compiledFromParts(candidates, builder.build(), definedOnly(opts));
}

const NO_OPINION = new TextEncoder().encode("No opinion");

/**
 * "No opinion" exactly, followed by a separator or the end. Spelled out byte by
 * byte because about half the cells of a large file are this: a loop over
 * NO_OPINION was a visible part of the parse.
 */
function isNoOpinion(buf: Uint8Array, p: number): boolean {
  const end = p + NO_OPINION.length;
  if (end > buf.length) return false;
  return (
    buf[p] === 78 /* N */ &&
    buf[p + 1] === 111 /* o */ &&
    buf[p + 2] === 32 /*   */ &&
    buf[p + 3] === 111 /* o */ &&
    buf[p + 4] === 112 /* p */ &&
    buf[p + 5] === 105 /* i */ &&
    buf[p + 6] === 110 /* n */ &&
    buf[p + 7] === 105 /* i */ &&
    buf[p + 8] === 111 /* o */ &&
    buf[p + 9] === 110 /* n */ &&
    (end === buf.length || buf[end] === COMMA || buf[end] === LF || buf[end] === CR)
  );
}

function notPositive(text: string, candidate: string, line: number): TallyInputError {
  return new TallyInputError(`rank "${text}" for candidate "${candidate}" is not a positive integer`, line);
}

/** A cell the fast path could not read: a rank with spaces or quotes, "No opinion" (0), or an error. */
function cellRank(raw: string, header: string[], col: number, line: number): number {
  const t = raw.trim();
  if (t === "" || t.toLowerCase() === "no opinion") return 0;
  if (!/^\d+$/.test(t)) throw notPositive(t, header[col] ?? `column ${col + 1}`, line);
  const v = Number(t);
  if (v === 0 || v > MAX_RANK) throw notPositive(t, header[col] ?? `column ${col + 1}`, line);
  return v;
}

function skipEol(buf: Uint8Array, pos: number): number {
  if (pos < buf.length && buf[pos] === CR) pos++;
  if (pos < buf.length && buf[pos] === LF) pos++;
  return pos;
}

/** One RFC 4180 cell starting at pos; stops before the comma or line end that follows it. */
function readTextCell(buf: Uint8Array, pos: number, line: number, decoder: TextDecoder): { text: string; end: number; line: number } {
  const len = buf.length;
  if (pos < len && buf[pos] === QUOTE) {
    const startLine = line;
    let p = pos + 1;
    let text = "";
    let from = p;
    for (;;) {
      if (p >= len) throw new TallyInputError("a quoted cell is never closed", startLine);
      const b = buf[p];
      if (b === LF) line++;
      if (b === QUOTE) {
        text += decoder.decode(buf.subarray(from, p));
        if (p + 1 < len && buf[p + 1] === QUOTE) {
          text += '"';
          p += 2;
          from = p;
          continue;
        }
        p++;
        break;
      }
      p++;
    }
    // Tolerate spaces after the closing quote; anything else is malformed.
    while (p < len && buf[p] === 32) p++;
    if (p < len && buf[p] !== COMMA && buf[p] !== LF && buf[p] !== CR)
      throw new TallyInputError("unexpected text after a quoted cell", line);
    return { text, end: p, line };
  }
  let p = pos;
  while (p < len && buf[p] !== COMMA && buf[p] !== LF && buf[p] !== CR) p++;
  return { text: decoder.decode(buf.subarray(pos, p)), end: p, line };
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Elekto ballots CSV: one row per voter, so every weight must be a whole
 * number; CSV carries no title, seats or rules (pass them as flags when re-tallying).
 */
export function toElektoCsv(e: AnyElection): string {
  const ids = e.candidates.map((c) => c.id);
  const out: string[] = [ids.map(csvCell).join(",")];
  for (const { tiers, weight } of ballotRows(e)) {
    if (!Number.isInteger(weight))
      throw new Error(`Elekto CSV has one row per ballot and cannot carry the fractional weight ${formatNumber(weight)}`);
    const cells = ids.map(() => "No opinion");
    tiers.forEach((t, i) => t.forEach((c) => (cells[c] = String(i + 1))));
    const row = cells.join(",");
    for (let k = 0; k < weight; k++) out.push(row);
  }
  return out.join("\n") + "\n";
}
