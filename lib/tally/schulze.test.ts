import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BallotSetBuilder } from "./ballot-set";
import { compileElection } from "./compile";
import { matrixRecord, pairwiseMatrix, tiersFromRelation } from "./pairwise";
import { countSchulze, schulzeTiers, strongestPaths } from "./schulze";
import { tieBreakingRanking } from "./tiebreak";
import type { Candidate, ElectionInput, Strength, UnrankedRule } from "./types";

/** "A>B=C*3": tiers split by ">", ties by "=", optional "*count". "" is an abstention. */
function ballots(...lines: string[]): ElectionInput["ballots"] {
  return lines.map((l) => {
    const [body, count] = l.split("*");
    const ranking = body === "" ? [] : body.split(">").map((t) => t.split("="));
    return { ranking, count: count === undefined ? 1 : Number(count) };
  });
}

function election(
  ids: string[],
  lines: string[],
  opts: { seats?: number; unranked?: UnrankedRule; strength?: Strength; cap?: number; aff?: Record<string, string> } = {},
) {
  const candidates: Candidate[] = ids.map((id) => ({ id, name: id, affiliation: opts.aff?.[id] ?? null }));
  return compileElection({
    seats: opts.seats ?? 1,
    method: "schulze",
    unranked: opts.unranked ?? "exclude",
    strength: opts.strength ?? "winning",
    maxPerAffiliation: opts.cap ?? null,
    candidates,
    ballots: ballots(...lines),
  });
}

describe("pairwiseMatrix", () => {
  const ids = ["A", "B", "C", "D"];
  const rec = (rule: UnrankedRule, ...lines: string[]) => {
    const e = election(ids, lines, { unranked: rule });
    return matrixRecord(pairwiseMatrix(e.ballots, rule), ids);
  };

  it("counts a truncated ballot only between ranked candidates under exclude", () => {
    const m = rec("exclude", "A>B*2");
    expect(m.A).toEqual({ B: 2, C: 0, D: 0 });
    expect(m.B).toEqual({ A: 0, C: 0, D: 0 });
    expect(m.C).toEqual({ A: 0, B: 0, D: 0 });
  });

  it("puts ranked candidates above unranked ones under last, and leaves unranked pairs alone", () => {
    const m = rec("last", "A>B*2");
    expect(m.A).toEqual({ B: 2, C: 2, D: 2 });
    expect(m.B).toEqual({ A: 0, C: 2, D: 2 });
    expect(m.C).toEqual({ A: 0, B: 0, D: 0 });
    expect(m.D).toEqual({ A: 0, B: 0, C: 0 });
  });

  it("gives equal ranks no preference either way", () => {
    for (const rule of ["exclude", "last"] as const) {
      const m = rec(rule, "A=B>C");
      expect(m.A.B).toBe(0);
      expect(m.B.A).toBe(0);
      expect(m.A.C).toBe(1);
      expect(m.B.C).toBe(1);
    }
  });

  it("ignores abstentions and adds fractional weights", () => {
    const b = new BallotSetBuilder(3);
    b.add([1, 2, 0], 0.5);
    b.add([0, 0, 0], 7);
    b.add([2, 1, 3], 1.25);
    const d = pairwiseMatrix(b.build(), "exclude");
    expect(Array.from(d)).toEqual([0, 0.5, 1.25, 1.25, 0, 1.25, 0, 0, 0]);
  });

  it("matches the definition, added in ballot order, on unfolded sets with gaps in the ranks", () => {
    const n = 7;
    const arb = fc.array(
      fc.record({
        ranks: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
        weight: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 5 }), fc.double({ min: 0.1, max: 3, noNaN: true })),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom<UnrankedRule>("exclude", "last"), (rows, rule) => {
        const set = { n, groups: rows.length, ranks: Int32Array.from(rows.flatMap((r) => r.ranks)), weights: Float64Array.from(rows.map((r) => r.weight)) };
        const expected = new Float64Array(n * n);
        for (const { ranks, weight } of rows) {
          if (weight === 0) continue;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              const [a, b] = [ranks[i], ranks[j]];
              if (a > 0 && (b > 0 ? a < b : rule === "last")) expected[i * n + j] += weight;
            }
        }
        // Exactly, not approximately: the published matrix must not move in the last bit.
        expect(Array.from(pairwiseMatrix(set, rule))).toEqual(Array.from(expected));
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("strongestPaths and schulzeTiers", () => {
  // Wikipedia's 45-voter example (https://en.wikipedia.org/wiki/Schulze_method#Example).
  const ids = ["A", "B", "C", "D", "E"];
  const wiki = ["A>C>B>E>D*5", "A>D>E>C>B*5", "B>E>D>A>C*8", "C>A>B>E>D*3", "C>A>E>B>D*7", "C>B>A>D>E*2", "D>C>E>B>A*7", "E>B>A>D>C*8"];

  it("reproduces the published strongest-path matrix and ranking", () => {
    const e = election(ids, wiki, { unranked: "last" });
    const d = pairwiseMatrix(e.ballots, "last");
    const p = strongestPaths(d, 5, "winning");
    expect(matrixRecord(p, ids)).toEqual({
      A: { B: 28, C: 28, D: 30, E: 24 },
      B: { A: 25, C: 28, D: 33, E: 24 },
      C: { A: 25, B: 29, D: 29, E: 24 },
      D: { A: 25, B: 28, C: 28, E: 24 },
      E: { A: 25, B: 28, C: 28, D: 31 },
    });
    expect(schulzeTiers(p, 5)).toEqual([[4], [0], [2], [1], [3]]);
  });

  it("uses margins when asked", () => {
    const d = new Float64Array([0, 6, 4, 0]); // A over B 6:4
    expect(Array.from(strongestPaths(d, 2, "winning"))).toEqual([0, 6, 0, 0]);
    expect(Array.from(strongestPaths(d, 2, "margins"))).toEqual([0, 2, 0, 0]);
  });

  it("layers a relation whose incomparability is not transitive at the earliest tier", () => {
    // A beats C; B is comparable with neither.
    expect(tiersFromRelation(3, (i, j) => i === 0 && j === 2)).toEqual([[0, 1], [2]]);
  });
});

describe("countSchulze", () => {
  it("fills every result field for a Condorcet winner", () => {
    const e = election(["A", "B", "C"], ["A>B>C*3", "B>A>C*2", "C>A>B", ""]);
    const r = countSchulze(e);
    expect(r.method).toBe("schulze");
    expect(r.strength).toBe("winning");
    expect(r.winners).toEqual(["A"]);
    expect(r.ranking).toEqual([["A"], ["B"], ["C"]]);
    expect(r.pairwise.A).toEqual({ B: 4, C: 5 });
    expect(r.strongestPaths?.A).toEqual({ B: 4, C: 5 });
    expect(r.strongestPaths?.C).toEqual({ A: 0, B: 0 });
    expect(r.ballots).toBe(7);
    expect(r.abstentions).toBe(1);
    expect(r.tieBreaks).toEqual([]);
    expect(r.skippedForCap).toEqual([]);
    // printf 'hustings-ballots-v1\ncandidates A B C\n1 C>A>B\n2 B>A>C\n3 A>B>C\n' | sha256sum (the empty ballot is left out)
    expect(r.ballotHash).toBe("e0d1945f8e65ef2aa62b0c4440a6ec98d0134804e09d0a012d9f92b864f64507");
  });

  it("gives different winners with winning votes and margins (Schulze's example 10)", () => {
    // Source: julien-boudry/Condorcet SchulzeTest.php 'schulze official example 10'.
    const lines = ["A>B>C>D*6", "A=B>C=D*8", "A=C>B=D*8", "A=C>D>B*18", "A=C=D>B*8", "B>A=C=D*40", "C>B>D>A*4", "C>D>A>B*9", "C=D>A=B*8", "D>A>B>C*14", "D>B>C>A*11", "D>C>A>B*4"];
    const ids = ["A", "B", "C", "D"];
    const wv = countSchulze(election(ids, lines, { unranked: "last" }));
    const mg = countSchulze(election(ids, lines, { unranked: "last", strength: "margins" }));
    expect(wv.ranking).toEqual([["D"], ["A"], ["B"], ["C"]]);
    expect(mg.ranking).toEqual([["A"], ["B"], ["C"], ["D"]]);
    expect(mg.strength).toBe("margins");
  });

  it("keeps an unresolved tie as a tier and breaks it by the TBRC only for the seat it decides", () => {
    // A 3-cycle of equal strength: all three tie.
    const e = election(["A", "B", "C"], ["A>B>C", "B>C>A", "C>A>B"]);
    const r = countSchulze(e);
    expect(r.ranking).toEqual([["A", "B", "C"]]);
    expect(r.winners).toHaveLength(1);
    const tbrc = tieBreakingRanking(e.ballots, ["A", "B", "C"], r.ballotHash).order.map((c) => ["A", "B", "C"][c]);
    expect(r.tieBreaks).toHaveLength(1);
    expect(r.tieBreaks[0].decision).toBe("seat 1");
    expect(r.tieBreaks[0].among).toEqual(["A", "B", "C"]);
    expect(r.tieBreaks[0].order).toEqual(tbrc);
    expect(r.tieBreaks[0].rule).toContain("TBRC");
    expect(r.winners).toEqual([tbrc[0]]);
  });

  it("records one tie-break for a tier that straddles several seats", () => {
    const e = election(["A", "B", "C", "D"], ["A>B>C>D", "A>C>D>B", "A>D>B>C"], { seats: 3 });
    const r = countSchulze(e);
    expect(r.ranking).toEqual([["A"], ["B", "C", "D"]]);
    expect(r.winners[0]).toBe("A");
    expect(r.tieBreaks).toHaveLength(1);
    expect(r.tieBreaks[0].decision).toBe("seats 2-3");
    expect(r.winners.slice(1)).toEqual(r.tieBreaks[0].order.slice(0, 2));
  });

  it("does not break a tie that decides nothing", () => {
    const cycle = ["A>B>C>D", "B>C>A>D", "C>A>B>D"];
    // The tie fills all remaining seats: no tie-break.
    const all = countSchulze(election(["A", "B", "C", "D"], cycle, { seats: 3 }));
    expect(all.tieBreaks).toEqual([]);
    expect([...all.winners].sort()).toEqual(["A", "B", "C"]);
    // The tie lies wholly below the seats.
    const below = countSchulze(election(["D", "A", "B", "C"], ["D>A>B>C", "D>B>C>A", "D>C>A>B"], { seats: 1 }));
    expect(below.winners).toEqual(["D"]);
    expect(below.ranking).toEqual([["D"], ["A", "B", "C"]]);
    expect(below.tieBreaks).toEqual([]);
  });

  it("elects Towns with Debian's rule and McIntyre when unranked means no opinion (DPL 2006 fixture)", () => {
    const dir = path.resolve(import.meta.dirname, "../../test/fixtures/tally");
    const load = (f: string) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as ElectionInput;
    const last = load("condorcet-debian-dpl-2006.json");
    const excl = load("condorcet-debian-dpl-2006-no-opinion.json");
    expect(last.ballots).toEqual(excl.ballots);
    expect(countSchulze(compileElection(last)).winners).toEqual(["anthony-towns"]);
    expect(countSchulze(compileElection(excl)).winners).toEqual(["steve-mcintyre"]);
  });

  it("applies the affiliation cap while walking the ranking", () => {
    const e = election(["A", "B", "C", "D"], ["A>B>C>D*3"], {
      seats: 2,
      cap: 1,
      aff: { A: "Acme", B: "acme ", C: "Other" },
    });
    const r = countSchulze(e);
    expect(r.winners).toEqual(["A", "C"]);
    expect(r.ranking).toEqual([["A"], ["B"], ["C"], ["D"]]);
    expect(r.skippedForCap).toEqual([expect.objectContaining({ candidate: "B", affiliation: "acme", seat: 2 })]);
  });
});
