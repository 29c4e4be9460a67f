// Property tests for the Condorcet methods, run under both unranked rules.
// Seeded and bounded so a failure reproduces and the suite stays fast.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { countRankedPairs } from "./ranked-pairs";
import { countSchulze } from "./schulze";
import type { BallotGroup, ElectionInput, Method, Strength, TallyResult, UnrankedRule } from "./types";

const METHODS: Method[] = ["schulze", "ranked-pairs"];
const RULES: UnrankedRule[] = ["exclude", "last"];
const RUNS = { seed: 20240611, numRuns: 150 };

const count = (input: ElectionInput): TallyResult => {
  const e = compileElection(input);
  return e.method === "ranked-pairs" ? countRankedPairs(e) : countSchulze(e);
};

/** A ballot as a rank per candidate position (0 = unranked), turned into tiers of ids. */
function tiers(ranks: number[], ids: readonly string[]): string[][] {
  const byRank = new Map<number, string[]>();
  ranks.forEach((r, c) => {
    if (r > 0) (byRank.get(r) ?? byRank.set(r, []).get(r)!).push(ids[c]);
  });
  return [...byRank.keys()].sort((a, b) => a - b).map((r) => byRank.get(r)!);
}

interface Case {
  n: number;
  seats: number;
  strength: Strength;
  cap: number | null;
  affiliations: (string | null)[];
  ballots: { ranks: number[]; count: number }[];
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    seats: fc.integer({ min: 1, max: n }),
    strength: fc.constantFrom<Strength>("winning", "margins"),
    cap: fc.constantFrom<number | null>(null, null, 1, 2),
    affiliations: fc.array(fc.constantFrom<string | null>("X", "y", null), { minLength: n, maxLength: n }),
    ballots: fc.array(
      fc.record({
        ranks: fc.array(fc.integer({ min: 0, max: n }), { minLength: n, maxLength: n }),
        count: fc.integer({ min: 1, max: 4 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  }),
);

const ID = (c: number) => `c${c}`;

function input(k: Case, method: Method, unranked: UnrankedRule, ids: readonly string[] = Array.from({ length: k.n }, (_, c) => ID(c))): ElectionInput {
  return {
    seats: k.seats,
    method,
    unranked,
    strength: k.strength,
    maxPerAffiliation: k.cap,
    candidates: ids.map((id, c) => ({ id, name: id, affiliation: k.affiliations[c] })),
    ballots: k.ballots.map((b): BallotGroup => ({ ranking: tiers(b.ranks, ids), count: b.count })),
  };
}

/** Pairwise preference computed straight from the definition, independent of pairwiseMatrix. */
function prefers(k: Case, unranked: UnrankedRule, i: number, j: number): number {
  let t = 0;
  for (const b of k.ballots) {
    const ri = b.ranks[i];
    const rj = b.ranks[j];
    const better = unranked === "exclude" ? ri > 0 && rj > 0 && ri < rj : ri > 0 && (rj === 0 || ri < rj);
    if (better) t += b.count;
  }
  return t;
}

const setOf = (xs: readonly string[]) => [...xs].sort();
const tierSets = (r: TallyResult) => r.ranking.map(setOf);

for (const unranked of RULES) {
  describe(`Condorcet properties, unranked = ${unranked}`, () => {
    it("ranks a Condorcet winner first and alone", () => {
      fc.assert(
        fc.property(caseArb, (k) => {
          const winner = Array.from({ length: k.n }, (_, c) => c).find((w) =>
            Array.from({ length: k.n }, (_, o) => o).every((o) => o === w || prefers(k, unranked, w, o) > prefers(k, unranked, o, w)),
          );
          fc.pre(winner !== undefined);
          for (const method of METHODS) {
            const r = count(input(k, method, unranked));
            expect(r.ranking[0]).toEqual([ID(winner!)]);
            if (k.cap === null) expect(r.winners[0]).toBe(ID(winner!));
          }
        }),
        { ...RUNS, maxSkipsPerRun: 1000 },
      );
    });

    it("gives the same result whatever order the ballots come in, grouped or not", () => {
      fc.assert(
        fc.property(
          caseArb.chain((k) => {
            const singles = k.ballots.flatMap((b) => Array.from({ length: b.count }, () => ({ ranks: b.ranks, count: 1 })));
            return fc.tuple(fc.constant(k), fc.shuffledSubarray(singles, { minLength: singles.length, maxLength: singles.length }));
          }),
          ([k, shuffled]) => {
            for (const method of METHODS) {
              const a = count(input(k, method, unranked));
              const b = count(input({ ...k, ballots: shuffled }, method, unranked));
              expect(b).toEqual(a);
            }
          },
        ),
        RUNS,
      );
    });

    it("relabels the result with the candidates when no tie-break was needed", () => {
      fc.assert(
        fc.property(
          caseArb.chain((k) => {
            const positions = Array.from({ length: k.n }, (_, c) => c);
            return fc.tuple(
              fc.constant(k),
              fc.shuffledSubarray(positions, { minLength: k.n, maxLength: k.n }),
              fc.shuffledSubarray(positions, { minLength: k.n, maxLength: k.n }),
            );
          }),
          ([k, newOrder, newNames]) => {
            // Candidate c is renamed z<newNames[c]> and moved to position newOrder.indexOf(c).
            const rename = (id: string) => `z${newNames[Number(id.slice(1))]}`;
            const moved: Case = {
              ...k,
              affiliations: newOrder.map((c) => k.affiliations[c]),
              ballots: k.ballots.map((b) => ({ ...b, ranks: newOrder.map((c) => b.ranks[c]) })),
            };
            const movedIds = newOrder.map((c) => rename(ID(c)));
            for (const method of METHODS) {
              const a = count(input(k, method, unranked));
              const b = count(input(moved, method, unranked, movedIds));
              if (a.tieBreaks.length > 0) continue;
              expect(b.tieBreaks).toEqual([]);
              expect(setOf(b.winners)).toEqual(setOf(a.winners.map(rename)));
              expect(tierSets(b)).toEqual(a.ranking.map((t) => setOf(t.map(rename))));
              for (const [x, row] of Object.entries(a.pairwise))
                for (const [y, v] of Object.entries(row)) expect(b.pairwise[rename(x)][rename(y)]).toBe(v);
              if (a.strongestPaths)
                for (const [x, row] of Object.entries(a.strongestPaths))
                  for (const [y, v] of Object.entries(row)) expect(b.strongestPaths![rename(x)][rename(y)]).toBe(v);
              expect(b.skippedForCap.map((s) => s.candidate).sort()).toEqual(a.skippedForCap.map((s) => rename(s.candidate)).sort());
            }
          },
        ),
        RUNS,
      );
    });

    it("is unchanged by an abstaining ballot except for the ballot counts", () => {
      fc.assert(
        fc.property(caseArb, (k) => {
          const blank = { ranks: Array.from({ length: k.n }, () => 0), count: 1 };
          for (const method of METHODS) {
            const a = count(input(k, method, unranked));
            const b = count(input({ ...k, ballots: [...k.ballots, blank] }, method, unranked));
            expect(b).toEqual({ ...a, ballots: a.ballots + 1, abstentions: a.abstentions + 1 });
          }
        }),
        RUNS,
      );
    });
  });
}
