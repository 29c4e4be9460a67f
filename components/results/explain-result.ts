// The stored result in plain words for the winners box: who the affiliation cap
// kept out and which tie decided a seat. Pure, so the words are unit-tested and
// the page only lays them out; the technical record stays in the result itself.
import { normaliseAffiliation } from "@/lib/tally/fill-seats";
import type { TallyResult, TieBreak } from "@/lib/tally/types";
import { affiliationInWords } from "@/components/election-text";

export interface CapSkipInWords {
  candidate: string;
  name: string;
  affiliation: string;
  /** 1-based place in the full ranking; shared when tied. */
  place: number;
  tied: boolean;
  /** Winners of the same affiliation, in the order they were seated. */
  heldBy: string[];
  /** Seats of that affiliation held by continuing members (from the engine's own reason). */
  continuing: number;
  text: string;
}

export interface SeatTieInWords {
  among: string[];
  elected: string[];
  notElected: string[];
  text: string;
  tieBreak: TieBreak;
}

export interface ResultInWords {
  capSkips: CapSkipInWords[];
  /** Ties whose break chose between a winner and someone not elected. */
  seatLineTies: SeatTieInWords[];
  /** Ties that were broken but changed nobody's election (an order among winners, an exclusion order ...). */
  otherTies: TieBreak[];
}

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function placesOf(ranking: readonly (readonly string[])[]): Map<string, { place: number; tied: boolean }> {
  const out = new Map<string, { place: number; tied: boolean }>();
  let place = 1;
  for (const tier of ranking) {
    for (const id of tier) out.set(id, { place, tied: tier.length > 1 });
    place += tier.length;
  }
  return out;
}

/** The engine writes "…, 1 of them by a continuing member" / "2 of them by continuing members" into a skip's reason. */
function continuingFromReason(reason: string): number {
  const m = /(\d+) of them by (?:a )?continuing members?/.exec(reason);
  return m ? Number(m[1]) : 0;
}

export function explainResult(r: TallyResult): ResultInWords {
  const byId = new Map(r.candidates.map((c) => [c.id, c]));
  const name = (id: string) => byId.get(id)?.name || id;
  const places = placesOf(r.ranking);
  const winners = new Set(r.winners);

  const seen = new Set<string>();
  const capSkips: CapSkipInWords[] = [];
  for (const s of r.skippedForCap) {
    // STV may record the same candidate at several stages; one sentence each is enough.
    if (seen.has(s.candidate) || winners.has(s.candidate)) continue;
    seen.add(s.candidate);
    const key = normaliseAffiliation(s.affiliation);
    const heldBy = r.winners.filter((w) => key !== null && normaliseAffiliation(byId.get(w)?.affiliation) === key).map(name);
    const continuing = continuingFromReason(s.reason);
    const at = places.get(s.candidate) ?? { place: 0, tied: false };
    const affiliation = affiliationInWords(s.affiliation);
    const max = r.maxPerAffiliation ?? 0;
    const holders = [
      ...(heldBy.length ? [`${listInWords(heldBy)}, elected`] : []),
      ...(continuing ? [`${continuing} continuing member${continuing === 1 ? "" : "s"}`] : []),
    ].join("; ");
    const placed = at.place ? `${at.tied ? "tied for" : "placed"} ${ordinal(at.place)}` : "was in line for a seat";
    const text =
      `${name(s.candidate)} (${affiliation}) ${placed} but was not elected: the rules allow at most ${max} member${max === 1 ? "" : "s"} ` +
      `per affiliation and ${affiliation} already holds ${max === 1 ? "that seat" : "those seats"}${holders ? ` (${holders})` : ""}.`;
    capSkips.push({ candidate: s.candidate, name: name(s.candidate), affiliation, place: at.place, tied: at.tied, heldBy, continuing, text });
  }

  const seatLineTies: SeatTieInWords[] = [];
  const otherTies: TieBreak[] = [];
  for (const t of r.tieBreaks) {
    const elected = t.among.filter((id) => winners.has(id));
    const notElected = t.among.filter((id) => !winners.has(id));
    if (elected.length === 0 || notElected.length === 0) {
      otherTies.push(t);
      continue;
    }
    const among = t.among.map(name);
    const seatsAtStake = /^seats? /.test(t.decision) ? elected.length : 0;
    const what = t.decision.includes("affiliation cap")
      ? `tied, and the affiliation cap let only ${elected.length === 1 ? "one" : elected.length} of them take a seat`
      : seatsAtStake === 1
        ? "tied for the last seat"
        : seatsAtStake > 1
          ? `tied for the last ${seatsAtStake} seats`
          : "tied at a point of the count that decided who was elected";
    const text =
      `${listInWords(among)} ${what}; it was decided by drawing lots using a random draw anyone can re-check. ` +
      `${listInWords(elected.map(name))} ${elected.length === 1 ? "was" : "were"} elected.`;
    seatLineTies.push({ among, elected: elected.map(name), notElected: notElected.map(name), text, tieBreak: t });
  }
  return { capSkips, seatLineTies, otherTies };
}
