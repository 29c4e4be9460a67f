import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { ImportError } from "./import-error";
import { normaliseText, parseKataDeclaration } from "./parse-kata-declaration";
import type { CandidateDeclaration } from "./candidate-declaration";

/** ISO-8601 UTC instants; null where the README does not say. */
export interface KataSchedule {
  nominationsOpen: string | null;
  nominationsClose: string | null;
  campaignClose: string | null;
  votingOpen: string | null;
  votingClose: string | null;
}

export interface KataReadme {
  title: string;
  seats: number;
  schedule: KataSchedule;
}

export interface KataElection extends KataReadme {
  candidates: CandidateDeclaration[];
}

export interface NamedText {
  name: string;
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

interface DatePart {
  year: number | null;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
}

/**
 * One side of a README range such as "August 20, 1500 UTC", "September, 12 1500 UTC"
 * or "August 27, 2018 14:59 UTC". The year is often only on the closing side.
 */
function parseDatePart(text: string): DatePart | null {
  let rest = text.trim();
  let hour: number | null = null;
  let minute: number | null = null;
  // The time sits right before "UTC"; it must be taken first because "1500" would
  // otherwise pass for a year.
  const time = /(\d{1,2}):?(\d{2})\s*UTC\b/i.exec(rest);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    rest = rest.slice(0, time.index) + rest.slice(time.index + time[0].length);
  }
  rest = rest.replace(/\bUTC\b/gi, " ");
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i.exec(rest);
  if (!month) return null;
  rest = rest.slice(0, month.index) + " " + rest.slice(month.index + month[0].length);
  const year = /\b(\d{4})\b/.exec(rest);
  if (year) rest = rest.slice(0, year.index) + rest.slice(year.index + year[0].length);
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(rest);
  if (!day) return null;
  if (hour !== null && (hour > 23 || minute! > 59)) return null;
  return {
    year: year ? Number(year[1]) : null,
    month: MONTHS.indexOf(month[1].toLowerCase()),
    day: Number(day[1]),
    hour,
    minute,
  };
}

function toIso(part: DatePart, year: number, endOfDayIfNoTime: boolean): string {
  const hour = part.hour ?? (endOfDayIfNoTime ? 23 : 0);
  const minute = part.minute ?? (endOfDayIfNoTime ? 59 : 0);
  return new Date(Date.UTC(year, part.month, part.day, hour, minute)).toISOString();
}

type Phase = "nominations" | "campaign" | "voting";

function phaseOf(label: string): Phase | null {
  if (/nominat|candidac/i.test(label)) return "nominations";
  if (/debate|q\s*&\s*a|campaign/i.test(label)) return "campaign";
  if (/voting|vote|ballot/i.test(label)) return "voting";
  return null;
}

/**
 * Dates from bullet lines such as
 * "* February 24, 15:00 UTC - March 10, 2021 14:59 UTC: Candidate nominations open".
 * Times are kept exactly as written (a close of "14:59 UTC" stays 14:59:00Z).
 */
export function parseKataSchedule(readme: string, fallbackYear: number | null): KataSchedule {
  const ranges = new Map<Phase, { open: string; close: string }>();
  for (const line of normaliseText(readme).split("\n")) {
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (!bullet) continue;
    // The label follows the last colon that is not part of a time ("14:59").
    const labelAt = bullet[1].search(/:(?!\d)(?!.*:(?!\d))/);
    if (labelAt < 0) continue;
    const phase = phaseOf(bullet[1].slice(labelAt + 1));
    if (!phase || ranges.has(phase)) continue;
    const sides = bullet[1].slice(0, labelAt).split(/\s+[-–—]\s+|\s+to\s+/);
    if (sides.length !== 2) continue;
    const start = parseDatePart(sides[0]);
    const end = parseDatePart(sides[1]);
    if (!start || !end) continue;
    const endYear = end.year ?? start.year ?? fallbackYear;
    if (endYear === null) continue;
    // "December 28 - January 4, 2027": an opening month after the closing one is in
    // the previous year.
    const startYear = start.year ?? (start.month > end.month ? endYear - 1 : endYear);
    ranges.set(phase, { open: toIso(start, startYear, false), close: toIso(end, endYear, true) });
  }
  return {
    nominationsOpen: ranges.get("nominations")?.open ?? null,
    nominationsClose: ranges.get("nominations")?.close ?? null,
    campaignClose: ranges.get("campaign")?.close ?? null,
    votingOpen: ranges.get("voting")?.open ?? null,
    votingClose: ranges.get("voting")?.close ?? null,
  };
}

/** Parses an election folder's README.md. `folderName` names it in messages. */
export function parseKataReadme(readme: string, folderName: string): KataReadme {
  const text = normaliseText(readme);
  const title = /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1] ?? folderName;

  const seatsMatch = /\bthere\s+(?:are|is)\s+(\d+|[a-z]+)\s+(?:[\w-]+\s+){0,4}?seats?\b/i.exec(text);
  const seatsWord = seatsMatch?.[1].toLowerCase();
  const seats = seatsWord === undefined ? NaN : /^\d+$/.test(seatsWord) ? Number(seatsWord) : (NUMBER_WORDS[seatsWord] ?? NaN);
  if (!Number.isInteger(seats) || seats < 1) {
    throw new ImportError(
      `${folderName}/README.md: cannot find the number of seats (expected a sentence like "There are three … seats up for election")`,
    );
  }

  const yearHint = /\b(20\d{2})\b/.exec(title)?.[1] ?? /\b(20\d{2})\b/.exec(folderName)?.[1];
  return { title, seats, schedule: parseKataSchedule(text, yearHint ? Number(yearHint) : null) };
}

/** Declarations are every .txt/.md file except the README and results files. */
export function isDeclarationFile(name: string): boolean {
  if (name.startsWith(".")) return false;
  if (!/\.(txt|md|markdown)$/i.test(name)) return false;
  return !/^readme\b/i.test(name) && !/^results\b/i.test(name) && !/[-_]results\.(txt|md)$/i.test(name);
}

/** Builds the election from already-read files; candidates keep file-name order. */
export function buildKataElection(folderName: string, readme: string, files: NamedText[]): KataElection {
  const header = parseKataReadme(readme, folderName);
  const candidates = files
    .filter((f) => isDeclarationFile(f.name))
    .sort((a, b) => a.name.localeCompare(b.name, "en"))
    .map((f) => parseKataDeclaration(f.text, f.name));
  return { ...header, candidates };
}

/** Reads a Kata election folder (README.md plus one declaration file per candidate). */
export async function parseKataFolder(folder: string): Promise<KataElection> {
  const folderName = basename(folder.replace(/[\\/]+$/, "")) || folder;
  let names: string[];
  try {
    if (!(await stat(folder)).isDirectory()) throw new ImportError(`${folder}: not a folder`);
    names = await readdir(folder);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new ImportError(`${folder}: cannot read the election folder (${reason})`);
  }
  const readmeName = names.find((n) => /^readme\.md$/i.test(n));
  if (!readmeName) throw new ImportError(`${folder}: no README.md giving the seats and dates`);

  const files: NamedText[] = [];
  for (const name of names.filter(isDeclarationFile)) {
    const path = join(folder, name);
    if (!(await stat(path)).isFile()) continue;
    files.push({ name, text: await readFile(path, "utf8") });
  }
  return buildKataElection(folderName, await readFile(join(folder, readmeName), "utf8"), files);
}
