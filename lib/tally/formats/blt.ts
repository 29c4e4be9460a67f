import { BallotSetBuilder } from "../ballot-set";
import { TallyInputError, type Candidate, type CompiledElection } from "../types";
import { ballotRows, compiledFromParts, definedOnly, formatNumber, type AnyElection, type ElectionOptions } from "./common";

/**
 * BLT (ERS / OpenSTV / OpaVote):
 *
 *   4 2                 candidates, seats
 *   -2                  optional: withdrawn candidates, negated
 *   3 1 3 4 0           weight, preferences best first, 0
 *   (b7) 2 1=3 4 0      optional ballot id; "=" ties candidates at one preference
 *   0                   end of ballots
 *   "Alice"             one quoted name per candidate, in number order
 *   ...
 *   "Title"
 *
 * Withdrawn candidates leave the election entirely: they are dropped from every
 * ballot before counting, which is what OpenSTV does. Names become ids by
 * slugifying ("Ann Lee" → "ann-lee") since BLT has no ids of its own.
 */
export function parseBlt(input: Uint8Array | string, opts: ElectionOptions = {}): CompiledElection {
  const text = typeof input === "string" ? input : new TextDecoder().decode(input);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let i = 0;
  const nextContent = (): number => {
    while (i < lines.length && lines[i].trim() === "") i++;
    return i;
  };

  nextContent();
  if (i >= lines.length) throw new TallyInputError('the file is empty: expected "<candidates> <seats>" on the first line', 1);
  const head = lines[i].trim().split(/\s+/);
  const headLine = i + 1;
  if (head.length !== 2 || !head.every((t) => /^\d+$/.test(t)))
    throw new TallyInputError(`expected "<candidates> <seats>" (two whole numbers), got "${lines[i].trim()}"`, headLine);
  const nc = Number(head[0]);
  const fileSeats = Number(head[1]);
  if (nc < 1) throw new TallyInputError("the election has no candidates", headLine);
  i++;

  const withdrawn = new Set<number>();
  nextContent();
  if (i < lines.length && lines[i].trim().startsWith("-")) {
    for (const t of lines[i].trim().split(/\s+/)) {
      if (!/^-\d+$/.test(t)) throw new TallyInputError(`withdrawn candidates are written as negative numbers, got "${t}"`, i + 1);
      const c = -Number(t);
      if (c < 1 || c > nc) throw new TallyInputError(`withdrawn candidate ${c} is not between 1 and ${nc}`, i + 1);
      withdrawn.add(c - 1);
    }
    i++;
  }

  // Candidates that stay, renumbered densely, so ballots index the compiled election directly.
  const keep = new Int32Array(nc).fill(-1);
  let n = 0;
  for (let c = 0; c < nc; c++) if (!withdrawn.has(c)) keep[c] = n++;
  if (n === 0) throw new TallyInputError("every candidate is withdrawn", headLine);

  const builder = new BallotSetBuilder(n, 256);
  const rank = new Int32Array(n);
  let terminated = false;
  for (; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === "") continue;
    const lineNo = i + 1;
    let tokens = raw.split(/\s+/);
    if (tokens[0].startsWith("(")) {
      if (!tokens[0].endsWith(")")) throw new TallyInputError(`ballot id "${tokens[0]}" must be written "(id)" with no spaces`, lineNo);
      tokens = tokens.slice(1);
    }
    if (tokens.length === 1 && tokens[0] === "0") {
      terminated = true;
      i++;
      break;
    }
    if (tokens[0].startsWith('"'))
      throw new TallyInputError('reached the candidate names without the "0" line that ends the ballots', lineNo);
    const weight = Number(tokens[0]);
    if (!/^\d*\.?\d+$/.test(tokens[0]) || !(weight > 0))
      throw new TallyInputError(`ballot weight "${tokens[0]}" is not a positive number`, lineNo);
    if (tokens[tokens.length - 1] !== "0" || tokens.length < 2)
      throw new TallyInputError('the ballot does not end with "0"', lineNo);
    rank.fill(0);
    let position = 0;
    for (let t = 1; t < tokens.length - 1; t++) {
      const tok = tokens[t];
      // "-" marks a skipped preference in some BLT writers; it ranks nobody.
      if (tok === "-") continue;
      position++;
      let placed = false;
      for (const part of tok.split("=")) {
        if (!/^\d+$/.test(part)) throw new TallyInputError(`preference "${tok}" is not a candidate number`, lineNo);
        const c = Number(part);
        if (c === 0) throw new TallyInputError('"0" in the middle of a ballot: it may only end the ballot', lineNo);
        if (c > nc) throw new TallyInputError(`candidate ${c} is out of range (the election has ${nc})`, lineNo);
        const k = keep[c - 1];
        if (k < 0) continue;
        if (rank[k] !== 0) throw new TallyInputError(`candidate ${c} appears more than once in the ballot`, lineNo);
        rank[k] = position;
        placed = true;
      }
      if (!placed) position--;
    }
    builder.add(rank, weight);
  }
  // Errors about what is missing at the end point at the last line that has anything on it.
  let lastLine = lines.length;
  while (lastLine > 1 && lines[lastLine - 1].trim() === "") lastLine--;
  if (!terminated) throw new TallyInputError('the ballots are not followed by a "0" line', lastLine);

  // The rest is quoted strings: nc names, then the title; they may share lines.
  const strings: { text: string; line: number }[] = [];
  for (; i < lines.length; i++) {
    const raw = lines[i];
    let p = 0;
    for (;;) {
      while (p < raw.length && /\s/.test(raw[p])) p++;
      if (p >= raw.length) break;
      if (raw[p] === "#") break;
      if (raw[p] !== '"') throw new TallyInputError(`expected a quoted candidate name or title, got "${raw.slice(p).trim()}"`, i + 1);
      const close = raw.indexOf('"', p + 1);
      if (close < 0) throw new TallyInputError("a quoted name is never closed", i + 1);
      strings.push({ text: raw.slice(p + 1, close), line: i + 1 });
      p = close + 1;
    }
  }
  if (strings.length < nc)
    throw new TallyInputError(`expected ${nc} quoted candidate names after the ballots, found ${strings.length}`, lastLine);
  if (strings.length > nc + 1) throw new TallyInputError("unexpected text after the title", strings[nc + 1].line);

  const candidates: Candidate[] = [];
  const used = new Map<string, number>();
  for (let c = 0; c < nc; c++) {
    if (keep[c] < 0) continue;
    const name = strings[c].text;
    if (name.trim() === "") throw new TallyInputError(`candidate ${c + 1} has an empty name`, strings[c].line);
    let id = slug(name) || `c${c + 1}`;
    if (used.has(id)) id = `${id}-${c + 1}`;
    used.set(id, c);
    candidates.push({ id, name, affiliation: null });
  }
  const title = strings.length > nc ? strings[nc].text : "";
  return compiledFromParts(candidates, builder.build(), { title, seats: fileSeats, ...definedOnly(opts) });
}

/** "Ann Lee" → "ann-lee"; accents dropped so ids stay plain ASCII. */
export function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * BLT with one line per distinct ballot. BLT cannot say which unranked rule,
 * method, cap or affiliations apply; the names written are candidate names, and
 * a ballot that ranks nobody is "<weight> 0".
 */
export function toBlt(e: AnyElection): string {
  const out: string[] = [`${e.candidates.length} ${e.seats}`];
  for (const { tiers, weight } of ballotRows(e)) {
    const prefs = tiers.map((t) => t.map((c) => c + 1).join("="));
    out.push([formatNumber(weight), ...prefs, "0"].join(" "));
  }
  out.push("0");
  // BLT has no escape for quotes inside a name.
  for (const c of e.candidates) out.push(`"${(c.name || c.id).replace(/"/g, "'")}"`);
  out.push(`"${(e.title ?? "").replace(/"/g, "'")}"`);
  return out.join("\n") + "\n";
}
