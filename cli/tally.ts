// `hustings tally`: re-count an election file offline. Bundled by
// scripts/build-cli.mjs into cli/dist/tally.mjs; keep imports light, since every
// millisecond of module loading is start-up time.
import { readFileSync } from "node:fs";
import * as z from "zod/mini";
import { detectFormat, parseElection } from "../lib/tally/formats/detect";
import type { ElectionOptions } from "../lib/tally/formats/common";
import { tallyCompiled } from "../lib/tally/index";
import { startHashThread } from "./hash-thread";
import { resultJson, textReport } from "../lib/tally/report";
import { METHODS, STRENGTHS, TallyInputError, UNRANKED_RULES } from "../lib/tally/types";

export const USAGE = `usage: hustings tally <file.json|file.csv|file.blt> [--method schulze|ranked-pairs|irv|stv-scottish|stv-meek]
       [--seats N] [--unranked exclude|last] [--strength winning|margins]
       [--max-per-affiliation K] [--format json|text]
`;

/**
 * From this size on (roughly 10,000 ballots) the ballot hash is computed on a
 * second thread while this one counts; below it a thread costs more than it saves.
 */
const HASH_THREAD_BYTES = 1 << 20;

/** Exit statuses: 0 counted, 1 an internal error (a bug), 2 bad input or flags. */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;

class UsageError extends Error {}

const wholeNumber = (flag: string) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/, `${flag} must be a whole number`), z.refine((s) => Number(s) >= 1, `${flag} must be at least 1`)),
    z.transform((s) => Number(s)),
  );

const flagSchema = z.object({
  method: z.optional(z.enum(METHODS, `--method must be one of ${METHODS.join(", ")}`)),
  seats: z.optional(wholeNumber("--seats")),
  unranked: z.optional(z.enum(UNRANKED_RULES, `--unranked must be one of ${UNRANKED_RULES.join(", ")}`)),
  strength: z.optional(z.enum(STRENGTHS, `--strength must be one of ${STRENGTHS.join(", ")}`)),
  "max-per-affiliation": z.optional(wholeNumber("--max-per-affiliation")),
  format: z.optional(z.enum(["json", "text"], "--format must be json or text")),
});

type Flags = z.infer<typeof flagSchema>;
const FLAG_NAMES = new Set(Object.keys(flagSchema.shape));

export interface TallyArgs {
  file: string;
  flags: Flags;
}

/** `--x v` and `--x=v`; exactly one file; anything else is a usage error. */
export function parseArgs(args: string[]): TallyArgs | "help" {
  const raw: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") return "help";
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (!FLAG_NAMES.has(name)) throw new UsageError(`unknown option "--${name}"`);
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else {
        if (i + 1 >= args.length) throw new UsageError(`--${name} needs a value`);
        value = args[++i];
      }
      if (name in raw) throw new UsageError(`--${name} is given twice`);
      raw[name] = value;
    } else if (a.startsWith("-") && a !== "-") {
      throw new UsageError(`unknown option "${a}"`);
    } else files.push(a);
  }
  if (files.length === 0) throw new UsageError("no election file given");
  if (files.length > 1) throw new UsageError(`expected one election file, got ${files.length}: ${files.join(", ")}`);
  const parsed = flagSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue.path[0] ?? "");
    throw new UsageError(issue.message.startsWith("--") ? issue.message : `--${flag}: ${issue.message}`);
  }
  return { file: files[0], flags: parsed.data };
}

function options(flags: Flags): ElectionOptions {
  return {
    method: flags.method,
    seats: flags.seats,
    unranked: flags.unranked,
    strength: flags.strength,
    maxPerAffiliation: flags["max-per-affiliation"],
  };
}

export async function main(args: string[]): Promise<number> {
  let parsed: TallyArgs | "help";
  try {
    parsed = parseArgs(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`hustings tally: ${err.message} (see hustings tally --help)\n`);
      return EXIT_INPUT;
    }
    throw err;
  }
  if (parsed === "help") {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  const { file, flags } = parsed;
  let content: Buffer;
  try {
    content = file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (err as Error).message;
    process.stderr.write(`hustings tally: ${file}: ${why}\n`);
    return EXIT_INPUT;
  }
  // Started before parsing so the thread's start-up overlaps the parse.
  const hashThread = content.length >= HASH_THREAD_BYTES ? startHashThread() : null;
  let output: string;
  try {
    const format = detectFormat(file === "-" ? undefined : file, content);
    // CSV and BLT carry no affiliations, so a cap there would silently do nothing.
    if (flags["max-per-affiliation"] !== undefined && format !== "json")
      throw new TallyInputError(`--max-per-affiliation needs candidate affiliations, which a ${format.toUpperCase()} file does not carry (use Hustings election JSON)`);
    let election = parseElection(content, { format, options: options(flags) });
    if (hashThread) election = { ...election, ballotHash: hashThread(election.ballots, election.candidates.map((c) => c.id)) };
    const result = tallyCompiled(election);
    output = flags.format === "json" ? JSON.stringify(resultJson(result), null, 2) + "\n" : textReport(result);
  } catch (err) {
    if (err instanceof TallyInputError) {
      process.stderr.write(`hustings tally: ${file}: ${err.message}\n`);
      return EXIT_INPUT;
    }
    process.stderr.write(`hustings tally: ${file}: internal error, please report it: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT_BUG;
  }
  process.stdout.write(output);
  return EXIT_OK;
}
