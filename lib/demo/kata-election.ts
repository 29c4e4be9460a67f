// The demo's imported election: lib/demo/kata-folder is a made-up election
// folder in the Kata Containers archive layout (also a sample for
// `hustings import kata lib/demo/kata-folder --community harbor --dry-run`).
// The seed reads it at run time through the same parser as an upload.
import path from "node:path";
import { parseKataFolder, type KataElection, type KataSchedule } from "@/lib/import/parse-kata-folder";

export const DEMO_KATA_FOLDER = path.join(import.meta.dirname, "kata-folder");

const MIN_LEAD_DAYS = 14;

/**
 * The folder's election, moved on by whole years (title included) when its
 * nominations would open less than two weeks after `now`, so the demo's
 * draft lies ahead whenever the demo is started (days and times stay as the
 * folder writes them).
 */
export async function demoKataElection(now: Date): Promise<KataElection> {
  return moveIntoFuture(await parseKataFolder(DEMO_KATA_FOLDER), now);
}

export function moveIntoFuture(election: KataElection, now: Date): KataElection {
  const open = election.schedule.nominationsOpen;
  if (!open) return election;
  let years = 0;
  const lead = now.getTime() + MIN_LEAD_DAYS * 24 * 60 * 60 * 1000;
  while (addYears(open, years)! < new Date(lead).toISOString()) years++;
  if (years === 0) return election;
  const schedule = Object.fromEntries(Object.entries(election.schedule).map(([k, v]) => [k, addYears(v, years)])) as unknown as KataSchedule;
  const title = election.title.replace(/\b(20\d{2})\b/, (y) => String(Number(y) + years));
  return { ...election, title, schedule };
}

function addYears(iso: string | null, years: number): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}
