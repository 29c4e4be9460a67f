// The shared published test vectors (/work/shared/tally-vectors.json) for IRV,
// Scottish STV and Meek STV; the Condorcet ones are run by vectors.test.ts. Each
// test title carries the vector's source. The stv-*.json fixtures copied from them
// run always, even where ../shared is not there.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { countIrv } from "./irv";
import { countMeekStv } from "./stv-meek";
import { countScottishStv } from "./stv-scottish";
import { sharedDataPresent } from "../../test/helpers/shared-data";
import type { ElectionInput, Method, TallyResult } from "./types";

const VECTORS = path.resolve(import.meta.dirname, "../../../shared/tally-vectors.json");
const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/tally");

interface Expected {
  winners: string[];
  order_elected?: string[];
  quota?: number;
  initial_quota?: string;
  first_preferences?: Record<string, number>;
  rounds?: Record<string, number>[];
  tie?: { seats_to_fill_by_tiebreak: number; among: string[] };
  possible_winner_sets?: string[][];
}
interface Vector {
  name: string;
  method: string;
  seats: number;
  candidates: string[];
  ballots: { ranking: string[][]; count: number }[];
  expected: Expected;
  source: string;
}
interface Fixture extends ElectionInput {
  source: string;
  expected: Expected;
}

const METHOD: Record<string, Method> = { irv: "irv", stv_scottish: "stv-scottish", stv_meek: "stv-meek" };

// Straight to the counts rather than through index.ts, so these tests do not
// depend on the Condorcet modules.
function tally(input: ElectionInput): TallyResult {
  const e = compileElection(input);
  if (e.method === "irv") return countIrv(e);
  if (e.method === "stv-scottish") return countScottishStv(e);
  if (e.method === "stv-meek") return countMeekStv(e);
  throw new Error(`not an STV/IRV method: ${e.method}`);
}

function vectorElection(v: Vector): ElectionInput {
  return {
    title: v.name,
    seats: v.seats,
    method: METHOD[v.method],
    candidates: v.candidates.map((c) => ({ id: c, name: c })),
    ballots: v.ballots,
  };
}

/** "9/4" -> 2.25; quotas are published as exact fractions. */
function fraction(q: string): number {
  const [a, b] = q.split("/").map(Number);
  return b === undefined ? a : a / b;
}

const sorted = (xs: readonly string[]) => [...xs].sort();

function check(r: TallyResult, x: Expected): void {
  if (x.possible_winner_sets) {
    expect(x.possible_winner_sets.map(sorted)).toContainEqual(sorted(r.winners));
  }
  if (x.tie) {
    // The rules leave this tie to lot: ours is the TBRC, so any of the tied may win,
    // but the count must say it broke a tie.
    for (const w of x.winners) expect(r.winners).toContain(w);
    expect(r.winners).toHaveLength(x.winners.length + x.tie.seats_to_fill_by_tiebreak);
    for (const w of r.winners.filter((w) => !x.winners.includes(w))) expect(x.tie.among).toContain(w);
    expect(r.tieBreaks.length).toBeGreaterThan(0);
  } else if (!x.possible_winner_sets) {
    expect(sorted(r.winners)).toEqual(sorted(x.winners));
  }
  if (x.order_elected) {
    // Candidates elected at the same stage have no order in the rules (a reference
    // count lists them in ballot-file order, we by votes then lot), so compare the
    // sequence stage by stage as sets.
    const byStage = (r.rounds ?? []).map((s) => s.elected).filter((g) => g.length > 0);
    expect(byStage.flat()).toEqual(r.winners);
    let at = 0;
    for (const group of byStage) {
      expect(sorted(group)).toEqual(sorted(x.order_elected.slice(at, at + group.length)));
      at += group.length;
    }
    expect(at).toBe(x.order_elected.length);
  }
  if (x.quota !== undefined) expect(r.quota).toBe(x.quota);
  if (x.initial_quota !== undefined) expect(r.quota).toBeCloseTo(fraction(x.initial_quota), 12);
  if (x.first_preferences) {
    const first = r.rounds![0].votes;
    expect(Object.keys(first).sort()).toEqual(Object.keys(x.first_preferences).sort());
    for (const [c, v] of Object.entries(x.first_preferences)) expect(first[c]).toBeCloseTo(v, 9);
  }
  if (x.rounds) expect(r.rounds!.map((s) => s.votes)).toEqual(x.rounds);
}

const present = sharedDataPresent(VECTORS, "the shared tally vectors (IRV, STV)");
const vectors: Vector[] = present
  ? (JSON.parse(readFileSync(VECTORS, "utf8")) as Vector[]).filter((v) => v.method in METHOD)
  : [];

describe.skipIf(!present)("shared tally vectors: irv, stv_scottish, stv_meek", () => {
  it("has the 27 IRV and STV vectors (4 IRV, 11 Scottish STV, 12 Meek STV)", () => {
    expect(vectors).toHaveLength(27);
    expect(vectors.filter((v) => v.method === "irv")).toHaveLength(4);
    expect(vectors.filter((v) => v.method === "stv_scottish")).toHaveLength(11);
    expect(vectors.filter((v) => v.method === "stv_meek")).toHaveLength(12);
  });
  for (const v of vectors) {
    it(`${v.name} [${v.method}] (source: ${v.source})`, () => {
      check(tally(vectorElection(v)), v.expected);
    });
  }

  // Source: the official Glasgow City Council count, Calton ward, 3 May 2007, as
  // quoted in the vector's note: stage-7 figures reproduced to the last of the five
  // decimals (rule 48(3)), which only exact fixed-point arithmetic achieves.
  it("stv_glasgow_2007_calton_scottish: stage 7 matches the statutory count to 5 decimals", () => {
    const v = vectors.find((x) => x.name === "stv_glasgow_2007_calton_scottish")!;
    const r = tally(vectorElection(v));
    const s7 = r.rounds!.find((s) => s.stage === 7)!;
    expect(s7.votes["Ruth Simpson"]).toBe(1189.88661);
    expect(s7.votes["Fiacra Fullerton"]).toBe(446.24765);
    expect(s7.votes["Scott Gillespie"]).toBe(409.10769);
    expect(s7.votes["Alison E Thewliss"]).toBe(1300 + 60.12945);
  });
});

describe("stv fixtures (test/fixtures/tally/stv-*.json)", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.startsWith("stv-") && f.endsWith(".json"));
  it("has fixtures", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  for (const f of files.sort()) {
    const fx = JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as Fixture;
    it(`${f} (source: ${fx.source})`, () => {
      const { expected, source: _source, ...election } = fx;
      check(tally(election), expected);
    });
  }
});
