import { ImportError } from "./import-error";
import { organisationForEmail } from "./email-affiliation";
import { normaliseDeclaredAffiliation, type CandidateDeclaration } from "./candidate-declaration";

// Kata declarations are hand-written, so every layout seen in the archive is
// accepted: "Name:/Email:" blocks, "Candidate: Name <email>" with "Platform:",
// Markdown pages with headings and GitHub links, obfuscated addresses
// ("x at y dot com"), several addresses on one line or as a list, a stray
// leading "---", non-breaking spaces after the colon, and "Last, First" names.

type FieldKey = "name" | "email" | "candidate" | "platform" | "affiliation" | "github";

const FIELD_KEYS: Array<[RegExp, FieldKey]> = [
  [/^(full\s+)?name$/i, "name"],
  [/^e-?mails?(\s+address(es)?)?$/i, "email"],
  [/^candidate$/i, "candidate"],
  [/^platform$/i, "platform"],
  [/^(company|affiliation|employer|organi[sz]ation)$/i, "affiliation"],
  [/^github(\s+(handle|id|login|user(name)?))?$/i, "github"],
];

// A field line may be a list item and may be bold ("**Name:**" or "**Name**:").
const FIELD_LINE =
  /^\s*(?:[-*+]\s+)?(\*\*|__)?((?:full\s+)?name|e-?mails?(?:\s+address(?:es)?)?|candidate|platform|company|affiliation|employer|organi[sz]ation|github(?:\s+(?:handle|id|login|user(?:name)?))?)\s*(?::\1|\1\s*:)\s*(.*)$/i;

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/[\u200B\u200C\u200D]/g, "");
}

/**
 * "EricErnst.txt" → "Eric Ernst". Null when the name does not look like
 * CamelCase words (e.g. "burgerdev.md" is a GitHub login, not a name).
 */
export function nameFromFilename(filename: string): string | null {
  const base = filename.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const words = /[\s_-]/.test(base)
    ? base.split(/[\s_-]+/).filter(Boolean)
    : (base.match(/\p{Lu}[\p{Ll}\p{M}]*/gu) ?? []);
  if (words.length < 2 || words.join("") !== base.replace(/[\s_-]+/g, "")) return null;
  if (!words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return words.join(" ");
}

/**
 * Every email address in a field value, including obfuscated ones such as
 * "jane at example dot com" or "jane [at] example.com".
 */
export function extractEmails(value: string): string[] {
  let text = value;
  if (!text.includes("@")) {
    text = text
      .replace(/\s*[[(]\s*at\s*[\])]\s*|\s+at\s+/gi, "@")
      .replace(/\s*[[(]\s*dot\s*[\])]\s*|\s+dot\s+/gi, ".");
  }
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const match of text.matchAll(EMAIL)) {
    const email = match[0].replace(/^['.]+|['.]+$/g, "");
    if (seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    emails.push(email);
  }
  return emails;
}

function githubLoginIn(value: string): string | null {
  const candidates = [
    /github\.com\/([A-Za-z0-9-]+)/i.exec(value)?.[1],
    /\[@([A-Za-z0-9-]+)\]/.exec(value)?.[1],
    /(?:^|[\s(,])@([A-Za-z0-9-]+)\b(?![.@])/.exec(value)?.[1],
  ];
  return candidates.find((c) => c !== undefined && GITHUB_LOGIN.test(c)) ?? null;
}

function parseGithubField(value: string): string | null {
  const login = githubLoginIn(value) ?? value.trim().replace(/^@/, "");
  return GITHUB_LOGIN.test(login) ? login : null;
}

/**
 * The person's name from a "Name:" or "Candidate:" value, dropping GitHub links,
 * @handles and <addresses>, and turning "Peng, Tao" into "Tao Peng".
 */
export function cleanName(value: string): string {
  let name = value
    .replace(/\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\([^)]*@[^)]*\)/g, " ")
    .replace(EMAIL, " ")
    .replace(/(?:^|\s)@[A-Za-z0-9-]+/g, " ")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[,;:.\s-]+|[,;:.\s-]+$/g, "");
  // "Surname, Given" with one word before the comma is the only comma form seen;
  // a longer part before the comma is left alone rather than guessed at.
  const inverted = /^([\p{L}'-]+),\s*([\p{L}'-]+(?:\s[\p{L}'-]+)?)$/u.exec(name);
  if (inverted) name = `${inverted[2]} ${inverted[1]}`;
  return name;
}

// "I'm working for Arm Electronic Technology (Shanghai) Co.Ltd." at the start of a
// line is an explicit affiliation; the same words mid-paragraph are just prose.
function workingForAffiliation(lines: string[]): string | null {
  for (const line of lines) {
    const m = /^\s*I(?:'|’|\s+a)m\s+working\s+for\s+(.+?)(?:[.;,!](?=\s|$)|\s*$)/i.exec(line);
    if (!m) continue;
    let company = m[1].trim();
    if (/\b(?:Ltd|Inc|Co|Corp|LLC|GmbH)$/i.test(company)) company += ".";
    if (company) return company;
  }
  return null;
}

function inferAffiliation(emails: string[], statement: string): { organisation: string | null; all: string[] } {
  const all = [...new Set(emails.map(organisationForEmail).filter((o): o is string => o !== null))];
  if (all.length <= 1) return { organisation: all[0] ?? null, all };
  // Several employers' addresses (e.g. an old company's and a new one's): the one the
  // statement names first ("I am a staff engineer at Ant Group") is the better guess.
  const lower = statement.toLowerCase();
  const mentioned = all
    .map((organisation) => ({ organisation, at: lower.indexOf(organisation.toLowerCase()) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  return { organisation: mentioned[0]?.organisation ?? all[0], all };
}

function isHeading(line: string): number {
  const m = /^(#{1,6})\s/.exec(line);
  return m ? m[1].length : 0;
}

/** Removes what the header fields leave behind: title lines, "---", empty sections. */
function tidyStatement(lines: string[]): string {
  const out = lines.map((l) => l.trimEnd());
  const firstIndex = () => out.findIndex((l) => l.trim() !== "");

  for (let first = firstIndex(); first >= 0; first = firstIndex()) {
    const line = out[first].trim();
    // The page title ("# Jane Doe -> AC", "... Candidacy Declaration") repeats what
    // the ballot shows; a leading "---" is a stray YAML-style separator.
    if (/^-{3,}$/.test(line) || isHeading(line) === 1 || (/candidacy\s+declaration/i.test(line) && line.length < 120)) {
      out.splice(first, 1);
    } else break;
  }

  // A heading whose content was all header fields ("## Summary") is now empty.
  // "#" lines inside code fences are comments, not headings.
  let changed = true;
  while (changed) {
    changed = false;
    let inFence = false;
    for (let i = 0; i < out.length; i++) {
      if (/^\s*(```|~~~)/.test(out[i])) inFence = !inFence;
      const level = inFence ? 0 : isHeading(out[i]);
      if (!level) continue;
      let j = i + 1;
      while (j < out.length && out[j] === "") j++;
      const nextLevel = j < out.length ? isHeading(out[j]) : 1;
      if (nextLevel && nextLevel <= level) {
        out.splice(i, j - i);
        changed = true;
        break;
      }
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * Parses one Kata candidacy declaration (.txt or .md). `filename` is used as a
 * fallback for the name and in messages. Throws ImportError when no name can be found.
 */
export function parseKataDeclaration(text: string, filename: string): CandidateDeclaration {
  const lines = normaliseText(text).split("\n");
  const keep = lines.map(() => true);
  const fields = new Map<FieldKey, string>();
  const warnings: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const m = FIELD_LINE.exec(lines[i]);
    if (!m) continue;
    const key = FIELD_KEYS.find(([re]) => re.test(m[2].trim()))?.[1];
    if (!key || fields.has(key)) continue;
    let value = m[3].trim();
    keep[i] = false;
    if (key === "email" && !value) {
      // Markdown layout: "Email:" followed by a bullet list of addresses.
      const listed: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        if (!lines[j].trim()) continue;
        if (!/^\s*[-*+]\s+/.test(lines[j]) || extractEmails(lines[j]).length === 0) break;
        listed.push(lines[j]);
        keep[j] = false;
      }
      value = listed.join(", ");
    }
    fields.set(key, value);
  }

  const emails: string[] = [];
  const addEmails = (found: string[]) => {
    for (const e of found) if (!emails.some((x) => x.toLowerCase() === e.toLowerCase())) emails.push(e);
  };
  const candidateValue = fields.get("candidate") ?? "";
  addEmails(extractEmails(fields.get("email") ?? ""));
  addEmails(extractEmails(candidateValue));

  let name = cleanName(fields.get("name") ?? "") || cleanName(candidateValue);
  if (!name) {
    const fromFile = nameFromFilename(filename);
    if (!fromFile) {
      throw new ImportError(`${filename}: no candidate name found (expected a "Name:" or "Candidate:" line)`);
    }
    name = fromFile;
    warnings.push(`no "Name:" line; name "${fromFile}" taken from the file name`);
  }
  if (emails.length === 0) warnings.push("no email address found");

  const githubLogin =
    (fields.has("github") ? parseGithubField(fields.get("github")!) : null) ??
    githubLoginIn(fields.get("name") ?? "") ??
    githubLoginIn(candidateValue);

  const remaining = lines.filter((_, i) => keep[i]);
  const statement = tidyStatement(remaining);

  let affiliation = fields.has("affiliation") ? normaliseDeclaredAffiliation(fields.get("affiliation")!) : null;
  affiliation ??= workingForAffiliation(remaining);
  let affiliationInferred = false;
  if (!affiliation) {
    const inferred = inferAffiliation(emails, statement);
    if (inferred.organisation) {
      affiliation = inferred.organisation;
      affiliationInferred = true;
      if (inferred.all.length > 1) {
        warnings.push(`email domains point to several organisations (${inferred.all.join(", ")})`);
      }
    }
  }

  return {
    name,
    email: emails[0] ?? null,
    emails,
    githubLogin,
    affiliation,
    affiliationInferred,
    platform: fields.get("platform")?.trim() || null,
    statement,
    sourceFile: filename.replace(/^.*[\\/]/, ""),
    warnings,
  };
}
