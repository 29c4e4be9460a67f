// zod/mini rather than zod: the same checks at a twentieth of the bundle, which
// keeps `npx hustings tally` starting in tens of milliseconds.
import * as z from "zod/mini";
import { compileElection } from "../compile";
import { METHODS, STRENGTHS, TallyInputError, UNRANKED_RULES, type CompiledElection, type ElectionInput } from "../types";
import { ballotRows, definedOnly, formatNumber, isCompiled, type AnyElection, type ElectionOptions } from "./common";

const candidateSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
  affiliation: z.optional(z.nullable(z.string())),
});

const electionSchema = z.object({
  title: z.optional(z.string()),
  seats: z.optional(z.number()),
  method: z.optional(z.enum(METHODS)),
  unranked: z.optional(z.enum(UNRANKED_RULES)),
  strength: z.optional(z.enum(STRENGTHS)),
  maxPerAffiliation: z.optional(z.nullable(z.number())),
  candidates: z.array(candidateSchema),
  continuingMembers: z.optional(z.array(z.object({ name: z.string(), affiliation: z.string() }))),
  ballots: z.array(
    z.object({
      ranking: z.array(z.array(z.string())),
      count: z.optional(z.number()),
    }),
  ),
});

/**
 * Hustings election JSON (PRODUCT §8) → ElectionInput, with the options
 * overriding what the file says. Shape errors come from zod, ballot errors
 * (unknown or repeated candidate) are found here so they can name the line;
 * compileElection then checks the rules.
 */
export function parseHustingsJsonInput(input: Uint8Array | string, opts: ElectionOptions = {}): ElectionInput {
  const text = (typeof input === "string" ? input : new TextDecoder().decode(input)).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new TallyInputError("the file is empty: expected a Hustings election JSON object", 1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const at = /position (\d+)/.exec(msg);
    const line = lineAt(text, at ? Number(at[1]) : jsonErrorOffset(text));
    const why = msg
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, ".*" is not valid JSON$/s, "")
      .replace(/\s*\(line \d+ column \d+\)/, "");
    throw new TallyInputError(`not valid JSON: ${why}`, line);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new TallyInputError("expected a JSON object with candidates and ballots", 1);
  const parsed = electionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TallyInputError(`${describePath(issue.path)}${issueText(issue)}`, lineOfPath(text, issue.path));
  }
  const e = parsed.data;
  const index = new Map(e.candidates.map((c, i) => [c.id, i]));
  e.ballots.forEach((b, bi) => {
    if (b.count !== undefined && !(Number.isFinite(b.count) && b.count > 0))
      throw new TallyInputError(`ballot ${bi + 1}: count must be a positive number, got ${b.count}`, lineOfPath(text, ["ballots", bi, "count"]));
    const seen = new Set<string>();
    b.ranking.forEach((tier, ti) =>
      tier.forEach((id, k) => {
        const path = ["ballots", bi, "ranking", ti, k];
        if (!index.has(id)) throw new TallyInputError(`ballot ${bi + 1}: unknown candidate "${id}"`, lineOfPath(text, path));
        if (seen.has(id)) throw new TallyInputError(`ballot ${bi + 1}: candidate "${id}" appears more than once`, lineOfPath(text, path));
        seen.add(id);
      }),
    );
  });
  const result: ElectionInput = {
    title: e.title,
    seats: e.seats ?? 1,
    method: e.method,
    unranked: e.unranked,
    strength: e.strength,
    maxPerAffiliation: e.maxPerAffiliation ?? null,
    candidates: e.candidates.map((c) => ({ id: c.id, name: c.name ?? c.id, affiliation: c.affiliation ?? null })),
    continuingMembers: e.continuingMembers ?? [],
    ballots: e.ballots.map((b) => ({ ranking: b.ranking, count: b.count ?? 1 })),
  };
  return { ...result, ...definedOnly(opts) } as ElectionInput;
}

export function parseHustingsJson(input: Uint8Array | string, opts: ElectionOptions = {}): CompiledElection {
  const election = parseHustingsJsonInput(input, opts);
  try {
    return compileElection(election);
  } catch (err) {
    // A rule the file got wrong (not a flag): point at its line.
    const field = err instanceof TallyInputError && err.line === undefined ? /^(seats|maxPerAffiliation)\b/.exec(err.message)?.[1] : undefined;
    if (field && opts[field as keyof ElectionOptions] === undefined) {
      const text = typeof input === "string" ? input : new TextDecoder().decode(input);
      throw new TallyInputError(err instanceof Error ? err.message : String(err), lineOfPath(text.replace(/^\uFEFF/, ""), [field]));
    }
    throw err;
  }
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "string" ? "must not be empty" : `is too small (minimum ${String(issue.minimum)})`;
    default:
      return issue.message;
  }
}

/** "ballot 3: tier 1: " for ["ballots", 2, "ranking", 0]: the words a person looks for. */
function describePath(path: PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    const next = path[i + 1];
    if (typeof next === "number" && (k === "ballots" || k === "candidates" || k === "continuingMembers" || k === "ranking")) {
      const noun = k === "ballots" ? "ballot" : k === "candidates" ? "candidate" : k === "ranking" ? "tier" : "continuing member";
      parts.push(`${noun} ${next + 1}`);
      i++;
    } else if (typeof k === "number") parts.push(`item ${k + 1}`);
    else parts.push(`"${String(k)}"`);
  }
  return parts.length ? `${parts.join(": ")}: ` : "";
}

/**
 * Where strict JSON first goes wrong. V8 gives a position for most syntax errors
 * but not for "Unexpected token", so this finds it by parsing the text again.
 */
export function jsonErrorOffset(text: string): number {
  let pos = 0;
  const fail = (): never => {
    throw pos;
  };
  const ws = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos])) pos++;
  };
  const str = () => {
    if (text[pos] !== '"') fail();
    pos++;
    for (;;) {
      if (pos >= text.length || text.charCodeAt(pos) < 0x20) fail();
      const ch = text[pos];
      if (ch === '"') break;
      if (ch === "\\") {
        pos++;
        if (text[pos] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 1, pos + 5))) fail();
          pos += 4;
        } else if (!'"\\/bfnrt'.includes(text[pos] ?? "x")) fail();
      }
      pos++;
    }
    pos++;
  };
  const value = (): void => {
    ws();
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      ws();
      if (text[pos] === "}") return void pos++;
      for (;;) {
        ws();
        str();
        ws();
        if (text[pos] !== ":") fail();
        pos++;
        value();
        ws();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "}") return void pos++;
        else fail();
      }
    }
    if (ch === "[") {
      pos++;
      ws();
      if (text[pos] === "]") return void pos++;
      for (;;) {
        value();
        ws();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "]") return void pos++;
        else fail();
      }
    }
    if (ch === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(pos, pos + 400));
    if (!m) fail();
    pos += m![0].length;
  };
  try {
    value();
    ws();
    return pos;
  } catch (at) {
    if (typeof at === "number") return at;
    throw at;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The 1-based line where the value at `path` starts, found by walking the JSON
 * text (already known to be valid). Undefined when the path does not exist, for
 * instance a missing required field; then the enclosing value's line is used.
 */
export function lineOfPath(text: string, path: PropertyKey[]): number | undefined {
  let pos = 0;
  let found = -1;
  const ws = () => {
    while (pos < text.length && (text[pos] === " " || text[pos] === "\n" || text[pos] === "\r" || text[pos] === "\t")) pos++;
  };
  const skipString = () => {
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === "\\" ? 2 : 1;
    pos++;
  };
  const readString = (): string => {
    const start = pos;
    skipString();
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const skipValue = (): void => {
    ws();
    const ch = text[pos];
    if (ch === '"') return skipString();
    if (ch === "{" || ch === "[") {
      const close = ch === "{" ? "}" : "]";
      pos++;
      ws();
      if (text[pos] === close) {
        pos++;
        return;
      }
      for (;;) {
        if (ch === "{") {
          ws();
          skipString();
          ws();
          pos++; // ':'
        }
        skipValue();
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        pos++;
        return;
      }
    }
    while (pos < text.length && !",}] \n\r\t".includes(text[pos])) pos++;
  };
  // Descend along the path; remember the deepest value reached.
  let depth = 0;
  ws();
  found = pos;
  while (depth < path.length) {
    const key = path[depth];
    const ch = text[pos];
    if (ch === "{" && typeof key === "string") {
      pos++;
      let hit = false;
      for (;;) {
        ws();
        if (text[pos] === "}") break;
        const k = readString();
        ws();
        pos++;
        ws();
        if (k === key) {
          hit = true;
          break;
        }
        skipValue();
        ws();
        if (text[pos] === ",") pos++;
      }
      if (!hit) break;
    } else if (ch === "[" && typeof key === "number") {
      pos++;
      let hit = false;
      for (let i = 0; ; i++) {
        ws();
        if (text[pos] === "]") break;
        if (i === key) {
          hit = true;
          break;
        }
        skipValue();
        ws();
        if (text[pos] === ",") pos++;
      }
      if (!hit) break;
    } else break;
    found = pos;
    depth++;
  }
  return found < 0 ? undefined : lineAt(text, found);
}

/**
 * Hustings election JSON, one ballot per line so exports stay readable and diff
 * well. Takes either form; a compiled election writes its folded ballots.
 */
export function toHustingsJson(e: AnyElection): string {
  const ids = e.candidates.map((c) => c.id);
  const head = {
    title: e.title ?? "",
    seats: e.seats,
    method: e.method ?? "schulze",
    unranked: e.unranked ?? "exclude",
    strength: e.strength ?? "winning",
    maxPerAffiliation: e.maxPerAffiliation ?? null,
    candidates: e.candidates.map((c) => ({ id: c.id, name: c.name ?? c.id, affiliation: c.affiliation ?? null })),
    continuingMembers: e.continuingMembers ?? [],
  };
  const rows = isCompiled(e)
    ? ballotRows(e).map((r) => ({ ranking: r.tiers.map((t) => t.map((c) => ids[c])), count: r.weight }))
    : e.ballots.map((b) => ({ ranking: b.ranking, count: b.count ?? 1 }));
  const lines = rows.map((b) => `    {"ranking": ${JSON.stringify(b.ranking)}, "count": ${formatNumber(b.count)}}`);
  const body = JSON.stringify(head, null, 2);
  return `${body.slice(0, -2)},\n  "ballots": [${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}]\n}\n`;
}
