// The shared published test vectors (/work/shared/tally-vectors.json), Condorcet
// methods only; STV and IRV vectors are run by vectors-stv.test.ts. Each test
// title carries the vector's source. The condorcet-*.json fixtures copied from
// them run always, even where ../shared is not there.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { countRankedPairs } from "./ranked-pairs";
import { countSchulze } from "./schulze";
import { sharedDataPresent } from "../../test/helpers/shared-data";
import type { ElectionInput, Method, TallyResult } from "./types";

const VECTORS = path.resolve(import.meta.dirname, "../../../shared/tally-vectors.json");
const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/tally");

type Matrix = Record<string, Record<string, number>>;
interface Expected {
  winners: string[];
  ranking?: string[][];
  possible_rankings?: string[][][];
  tie?: { seats_to_fill_by_tiebreak: number; among: string[] };
  pairwise?: Matrix;
  strongest_paths?: Matrix;
}
interface Vector {
  name: string;
  method: string;
  variant?: "winning_votes" | "margins";
  seats: number;
  candidates: string[];
  unranked: "ranked_below" | "no_opinion";
  ballots: { ranking: string[][]; count: number }[];
  expected: Expected;
  source: string;
}
interface Fixture extends ElectionInput {
  source: string;
  expected: Expected;
}

// Straight to the two counts rather than through index.ts, so these tests do not
// depend on the other methods' modules.
function tally(input: ElectionInput): TallyResult {
  const e = compileElection(input);
  return e.method === "ranked-pairs" ? countRankedPairs(e) : countSchulze(e);
}

const METHOD: Record<string, Method> = { schulze: "schulze", ranked_pairs: "ranked-pairs" };

function vectorElection(v: Vector): ElectionInput {
  return {
    title: v.name,
    seats: v.seats,
    method: METHOD[v.method],
    unranked: v.unranked === "no_opinion" ? "exclude" : "last",
    strength: v.variant === "margins" ? "margins" : "winning",
    candidates: v.candidates.map((c) => ({ id: c, name: c })),
    ballots: v.ballots,
  };
}

const asSets = (tiers: string[][]) => tiers.map((t) => [...t].sort());

function check(r: TallyResult, x: Expected, seats: number): void {
  for (const w of x.winners) expect(r.winners).toContain(w);
  if (x.tie) {
    expect(r.winners).toHaveLength(x.winners.length + x.tie.seats_to_fill_by_tiebreak);
    const byTie = r.winners.filter((w) => !x.winners.includes(w));
    for (const w of byTie) expect(x.tie.among).toContain(w);
    expect(r.tieBreaks.length).toBeGreaterThan(0);
  } else if (x.ranking && seats > 1) {
    // A strict ranking fixes the order the seats are taken in.
    expect(r.winners).toEqual(x.winners);
  } else {
    expect([...r.winners].sort()).toEqual([...x.winners].sort());
  }
  if (x.ranking) expect(asSets(r.ranking)).toEqual(asSets(x.ranking));
  if (x.possible_rankings) {
    // Our ranking reports the lock graph after the TBRC ordered the equal-strength
    // pairs, so it is one of the published possibilities, never a merged tie.
    expect(x.possible_rankings.map(asSets)).toContainEqual(asSets(r.ranking));
  }
  if (x.pairwise) expect(r.pairwise).toEqual(x.pairwise);
  if (x.strongest_paths) expect(r.strongestPaths).toEqual(x.strongest_paths);
}

const present = sharedDataPresent(VECTORS, "the shared tally vectors (Condorcet)");
const vectors: Vector[] = present
  ? (JSON.parse(readFileSync(VECTORS, "utf8")) as Vector[]).filter((v) => v.method in METHOD)
  : [];

describe.skipIf(!present)("shared tally vectors: schulze and ranked_pairs", () => {
  it("has the 44 Condorcet vectors (30 Schulze, 14 Ranked Pairs)", () => {
    expect(vectors.filter((v) => v.method === "schulze")).toHaveLength(30);
    expect(vectors.filter((v) => v.method === "ranked_pairs")).toHaveLength(14);
  });
  for (const v of vectors) {
    it(`${v.name} [${v.method}] (source: ${v.source})`, () => {
      check(tally(vectorElection(v)), v.expected, v.seats);
    });
  }
});

describe("condorcet fixtures (test/fixtures/tally/condorcet-*.json)", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.startsWith("condorcet-") && f.endsWith(".json"));
  it("has fixtures", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const f of files.sort()) {
    const fx = JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as Fixture;
    it(`${f} (source: ${fx.source})`, () => {
      const { expected, source: _source, ...election } = fx;
      check(tally(election), expected, election.seats);
    });
  }
});
