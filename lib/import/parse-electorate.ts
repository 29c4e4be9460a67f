import { isMap, isNode, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { ImportError } from "./import-error";

export interface ElectorateEntry {
  /** GitHub login as written in the file; compare case-insensitively. */
  login: string | null;
  email: string | null;
  name: string | null;
}

export type ElectorateFormat = "csv" | "kata-yaml" | "elekto-voters";

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);
const login = z.preprocess(
  (v) => (typeof v === "string" ? blankToNull(v.replace(/^@/, "")) : v),
  z.string().regex(GITHUB_LOGIN, "is not a valid GitHub login").nullable().optional(),
);
// GitHub hands back numeric-looking logins as YAML numbers ("- 1234").
const loginOrNumber = z.preprocess((v) => (typeof v === "number" ? String(v) : v), login);
const email = z.preprocess(blankToNull, z.email("is not a valid email address").nullable().optional());
const name = z.preprocess(blankToNull, z.string().nullable().optional());

const entrySchema = z
  .object({ login: loginOrNumber, email, name })
  .refine((e) => e.login || e.email, { message: "entry has neither a GitHub login nor an email" });

// What Kata's generate_electorate.py writes per author.
const kataAuthorSchema = z
  .object({
    github_id: loginOrNumber,
    name,
    email,
    emails: z.array(z.preprocess(blankToNull, z.email("is not a valid email address").nullable())).nullable().optional(),
    commit_count: z.number().int().nonnegative().nullable().optional(),
  })
  .refine((a) => a.github_id || a.email || a.emails?.some(Boolean), {
    message: "entry has neither a github_id nor an email",
  });

const elektoSchema = z.object({
  eligible_voters: z
    .array(
      z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string("is not a GitHub login").regex(GITHUB_LOGIN, "is not a valid GitHub login")),
      "must be a list of GitHub logins",
    )
    .nullable(),
});

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.filter((p) => typeof p === "string").join(".");
  const value = typeof issue.input === "string" ? ` "${issue.input}"` : "";
  return field ? `${field}${value} ${issue.message}` : `${value.trim()} ${issue.message}`.trim();
}

/** Picks the format from the content, not the file name (uploads lose their names). */
export function detectElectorateFormat(text: string): ElectorateFormat {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() && !l.trim().startsWith("#")) ?? "";
  if (/^\s*"?login"?\s*,/i.test(firstLine) || /^\s*"?(email|name)"?\s*,.*\blogin\b/i.test(firstLine)) return "csv";
  if (/^\s*eligible_voters\s*:/m.test(text)) return "elekto-voters";
  if (/^\s*-?\s*github_id\s*:/m.test(text)) return "kata-yaml";
  throw new ImportError(
    "unrecognised electorate file: expected a CSV with a login,email,name header, a Kata electorate YAML (github_id, name, email, …) or an Elekto voters.yaml (eligible_voters:)",
  );
}

// ---- CSV ---------------------------------------------------------------------

interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180 records (quoted fields may hold commas, quotes and newlines) with their first line number. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      fieldStarted = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.length > 1 || fields[0].trim() !== "") records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      if (c === '"') throw new ImportError(`line ${line}: stray quote inside an unquoted field`);
      field += c;
      if (c.trim()) fieldStarted = true;
    }
  }
  if (quoted) throw new ImportError(`line ${recordLine}: quoted field is never closed`);
  fields.push(field);
  if (fields.length > 1 || fields[0].trim() !== "") records.push({ line: recordLine, fields });
  return records;
}

function parseCsv(text: string): ElectorateEntry[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) throw new ImportError("the CSV file is empty");
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const expected = ["login", "email", "name"];
  const unknown = columns.filter((c) => !expected.includes(c));
  const missing = expected.filter((c) => !columns.includes(c));
  if (unknown.length || missing.length || columns.length !== expected.length) {
    throw new ImportError(
      `line ${header.line}: the header must be "login,email,name" (got "${header.fields.join(",")}")`,
    );
  }
  return everyEntry(rows, (row) => {
    const at = `line ${row.line}`;
    if (row.fields.length !== columns.length) {
      throw new ImportError(`${at}: expected ${columns.length} fields, found ${row.fields.length}`);
    }
    return validateEntry(Object.fromEntries(columns.map((c, i) => [c, row.fields[i]])), at);
  });
}

/** How many bad entries one refusal lists; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 50;

/**
 * Reads every entry and reports every bad one, not only the first: an official
 * fixing a 10,000-line roll should not have to upload it once per mistake.
 * Nothing is returned (so nothing imported) when any entry is bad.
 */
function everyEntry<T>(items: readonly T[], read: (item: T, index: number) => ElectorateEntry): ElectorateEntry[] {
  const out: ElectorateEntry[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    try {
      out.push(read(item, i));
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      problems.push(err.message);
    }
  });
  if (problems.length) throw problemsError(problems);
  return out;
}

/** One problem as itself; several as a count, one per line, at most MAX_PROBLEMS_SHOWN of them. */
function problemsError(problems: string[]): ImportError {
  if (problems.length === 1) return new ImportError(problems[0]);
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  return new ImportError(`${problems.length} entries are wrong; nothing was imported:\n${shown.join("\n")}${more ? `\nand ${more} more.` : ""}`);
}

function validateEntry(raw: unknown, at: string): ElectorateEntry {
  const parsed = entrySchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ImportError(`${at}: ${describeIssue(parsed.error.issues[0])}`);
  return { login: parsed.data.login ?? null, email: parsed.data.email ?? null, name: parsed.data.name ?? null };
}

// ---- YAML --------------------------------------------------------------------

function loadYaml(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const { line } = lineCounter.linePos(err.pos[0]);
    throw new ImportError(`line ${line}: invalid YAML (${err.message.split("\n")[0]})`);
  }
  const lineOf = (node: YamlNode | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  return { doc, lineOf };
}

function entryAt(index: number, line: number | undefined): string {
  return `entry ${index + 1}${line ? ` (line ${line})` : ""}`;
}

function parseKataYaml(text: string): ElectorateEntry[] {
  const { doc, lineOf } = loadYaml(text);
  if (!isSeq(doc.contents)) throw new ImportError("Kata electorate YAML must be a list");
  // Kata's script writes a list of {"<org>/<repo>": [authors]} maps; a flat list of
  // authors is accepted too. Author nodes are collected with their source lines.
  const authorNodes: YamlNode[] = [];
  for (const item of doc.contents.items) {
    if (isMap(item) && item.items.length === 1 && isSeq(item.items[0].value)) {
      authorNodes.push(...(item.items[0].value.items as YamlNode[]));
    } else {
      authorNodes.push(item as YamlNode);
    }
  }
  return everyEntry(authorNodes, (node, i) => {
    const at = entryAt(i, lineOf(node));
    const parsed = kataAuthorSchema.safeParse(isNode(node) ? node.toJSON() : node, { reportInput: true });
    if (!parsed.success) throw new ImportError(`${at}: ${describeIssue(parsed.error.issues[0])}`);
    const a = parsed.data;
    return {
      login: a.github_id ?? null,
      email: a.email ?? a.emails?.find((e): e is string => !!e) ?? null,
      name: a.name ?? null,
    };
  });
}

function parseElekto(text: string): ElectorateEntry[] {
  const { doc, lineOf } = loadYaml(text);
  const parsed = elektoSchema.safeParse(doc.toJSON(), { reportInput: true });
  const votersNode = isMap(doc.contents) ? doc.contents.get("eligible_voters", true) : null;
  const itemNodes = isSeq(votersNode) ? (votersNode.items as YamlNode[]) : [];
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const index = issue.path[1];
      if (typeof index !== "number") return `eligible_voters ${issue.message}`;
      return `eligible_voters ${entryAt(index, lineOf(itemNodes[index]))}: ${describeIssue({ ...issue, path: [] })}`;
    });
    throw problemsError(problems);
  }
  return (parsed.data.eligible_voters ?? []).map((login) => ({ login, email: null, name: null }));
}

// ---- common ------------------------------------------------------------------

/**
 * Merges repeated people: logins match case-insensitively (GitHub does), entries
 * without a login match on email. The first occurrence wins; later ones only fill gaps.
 */
export function dedupeElectorate(entries: ElectorateEntry[]): ElectorateEntry[] {
  const byKey = new Map<string, ElectorateEntry>();
  const out: ElectorateEntry[] = [];
  for (const entry of entries) {
    const key = entry.login ? `login:${entry.login.toLowerCase()}` : `email:${entry.email!.toLowerCase()}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.email ??= entry.email;
      seen.name ??= entry.name;
      continue;
    }
    const copy = { ...entry };
    byKey.set(key, copy);
    out.push(copy);
  }
  return out;
}

/**
 * Reads an electorate in any supported format (detected from the content) and
 * returns one entry per person. Throws ImportError naming the line or entry at fault.
 */
export function parseElectorate(text: string): ElectorateEntry[] {
  const format = detectElectorateFormat(text);
  const entries = format === "csv" ? parseCsv(text) : format === "kata-yaml" ? parseKataYaml(text) : parseElekto(text);
  return dedupeElectorate(entries);
}
