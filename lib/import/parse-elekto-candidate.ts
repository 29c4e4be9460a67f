import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ImportError } from "./import-error";
import { organisationForEmail } from "./email-affiliation";
import { extractEmails, normaliseText } from "./parse-kata-declaration";
import { normaliseDeclaredAffiliation, type CandidateDeclaration } from "./candidate-declaration";

// Elekto's candidate-<id>.md: a YAML header fenced by a long row of dashes (Elekto
// splits on exactly that row) or by "---", then the Markdown statement.

const FENCE = /^-{3,}\s*$/;

const infoItem = z.record(z.string(), z.unknown());
const headerSchema = z.object({
  name: z.string("is missing").trim().min(1, "is missing"),
  ID: z.union([z.string(), z.number()]).transform(String).optional(),
  info: z.array(infoItem).nullable().optional(),
});

/** Values such as "@handle" or "`x`" are reserved starts in YAML; quote them so the header still parses. */
function quoteReservedScalars(header: string): string {
  return header.replace(
    /^(\s*(?:-\s+)?[\w .-]+:[ \t]+)([@`%].*?)\s*$/gm,
    (_, key: string, value: string) => `${key}${JSON.stringify(value)}`,
  );
}

export function parseElektoCandidate(text: string, filename: string): CandidateDeclaration {
  const lines = normaliseText(text).split("\n");
  const open = lines.findIndex((l) => l.trim() !== "");
  if (open < 0 || !FENCE.test(lines[open])) {
    throw new ImportError(`${filename}: expected a header between dashed lines at the top of the file`);
  }
  const close = lines.findIndex((l, i) => i > open && FENCE.test(l));
  if (close < 0) throw new ImportError(`${filename}: the header's closing dashed line is missing`);

  let raw: unknown;
  try {
    raw = parseYaml(quoteReservedScalars(lines.slice(open + 1, close).join("\n")));
  } catch (e) {
    throw new ImportError(`${filename}: the header is not valid YAML (${(e as Error).message.split("\n")[0]})`);
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`${filename}: header field "${issue.path.join(".") || "?"}" ${issue.message}`);
  }
  const header = parsed.data;

  // info is a list of one-key maps ("- employer: Google"); later keys never override earlier ones.
  const info = new Map<string, string>();
  for (const item of header.info ?? []) {
    for (const [key, value] of Object.entries(item)) {
      const k = key.trim().toLowerCase();
      if (value === null || value === undefined || info.has(k)) continue;
      info.set(k, String(value).trim());
    }
  }

  const idFromFile = /^candidate-(.+)\.md$/i.exec(filename.replace(/^.*[\\/]/, ""))?.[1];
  const login = (header.ID ?? idFromFile ?? "").replace(/^@/, "").trim() || null;
  const emails = extractEmails(info.get("email") ?? "");
  const warnings: string[] = [];
  if (emails.length === 0) warnings.push("no email address found");

  let affiliation = info.has("employer") ? normaliseDeclaredAffiliation(info.get("employer")!) : null;
  affiliation ??= info.has("affiliation") ? normaliseDeclaredAffiliation(info.get("affiliation")!) : null;
  let affiliationInferred = false;
  if (!affiliation && emails[0]) {
    affiliation = organisationForEmail(emails[0]);
    affiliationInferred = affiliation !== null;
  }

  return {
    name: header.name,
    email: emails[0] ?? null,
    emails,
    githubLogin: login,
    affiliation,
    affiliationInferred,
    platform: info.get("platform") || null,
    statement: lines.slice(close + 1).map((l) => l.trimEnd()).join("\n").replace(/\n{3,}/g, "\n\n").trim(),
    sourceFile: filename.replace(/^.*[\\/]/, ""),
    warnings,
  };
}
