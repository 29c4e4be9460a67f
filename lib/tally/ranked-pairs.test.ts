import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { pairwiseMatrix } from "./pairwise";
import { compareMajorities, countRankedPairs, lockPairs, type Majority } from "./ranked-pairs";
import { tieBreakingRanking } from "./tiebreak";
import type { ElectionInput, Strength, UnrankedRule } from "./types";

function ballots(...lines: string[]): ElectionInput["ballots"] {
  return lines.map((l) => {
    const [body, count] = l.split("*");
    const ranking = body === "" ? [] : body.split(">").map((t) => t.split("="));
    return { ranking, count: count === undefined ? 1 : Number(count) };
  });
}

function election(ids: string[], lines: string[], opts: { seats?: number; unranked?: UnrankedRule; strength?: Strength } = {}) {
  return compileElection({
    seats: opts.seats ?? 1,
    method: "ranked-pairs",
    unranked: opts.unranked ?? "exclude",
    strength: opts.strength ?? "winning",
    candidates: ids.map((id) => ({ id, name: id })),
    ballots: ballots(...lines),
  });
}

const maj = (win: number, lose: number): Majority => ({ winner: 0, loser: 1, win, lose });

describe("compareMajorities", () => {
  it("puts the larger winning side first, then the smaller losing side (MAM)", () => {
    expect(compareMajorities(maj(10, 2), maj(9, 0), "winning")).toBeLessThan(0);
    expect(compareMajorities(maj(10, 2), maj(10, 3), "winning")).toBeLessThan(0);
    expect(compareMajorities(maj(10, 3), maj(10, 3), "winning")).toBe(0);
  });
  it("compares margins only under margins", () => {
    expect(compareMajorities(maj(10, 2), maj(9, 0), "margins")).toBeGreaterThan(0);
    expect(compareMajorities(maj(10, 2), maj(9, 1), "margins")).toBe(0);
  });
});

describe("countRankedPairs", () => {
  it("ranks Tennessee strictly (Wikipedia)", () => {
    const ids = ["Memphis", "Nashville", "Chattanooga", "Knoxville"];
    const r = countRankedPairs(
      election(ids, ["Memphis>Nashville>Chattanooga>Knoxville*42", "Nashville>Chattanooga>Knoxville>Memphis*26", "Chattanooga>Knoxville>Nashville>Memphis*15", "Knoxville>Chattanooga>Nashville>Memphis*17"]),
    );
    expect(r.method).toBe("ranked-pairs");
    expect(r.strongestPaths).toBeNull();
    expect(r.winners).toEqual(["Nashville"]);
    expect(r.ranking).toEqual([["Nashville"], ["Chattanooga"], ["Knoxville"], ["Memphis"]]);
    expect(r.pairwise.Nashville.Memphis).toBe(58);
    expect(r.tieBreaks).toEqual([]);
  });

  it("uses the smaller losing side to order majorities of equal winning votes, with no tie-break", () => {
    // Direct pairs (exclude): A>B 6:2, B>C 6:4, C>A 6:5 — all 6 winning votes.
    const e = election(["A", "B", "C"], ["A>B*6", "B>A*2", "B>C*6", "C>B*4", "C>A*6", "A>C*5"]);
    const r = countRankedPairs(e);
    expect(r.ranking).toEqual([["A"], ["B"], ["C"]]);
    expect(r.tieBreaks).toEqual([]);
  });

  it("differs between winning votes and margins (rangevoting.org WinningVotes example)", () => {
    const lines = ["B>C>A*9", "C=A>B*6", "A>B>C*5"];
    expect(countRankedPairs(election(["A", "B", "C"], lines, { unranked: "last" })).ranking).toEqual([["A"], ["B"], ["C"]]);
    expect(countRankedPairs(election(["A", "B", "C"], lines, { unranked: "last", strength: "margins" })).ranking).toEqual([["B"], ["C"], ["A"]]);
  });

  it("never locks a pairwise tie: the tied candidates share a tier and the seat goes by the TBRC", () => {
    const e = election(["A", "B", "C"], ["A>B>C*7", "B>A>C*7", "C>A>B*2", "C>B>A*2"], { unranked: "last" });
    const r = countRankedPairs(e);
    expect(r.ranking).toEqual([["A", "B"], ["C"]]);
    expect(r.tieBreaks).toHaveLength(1);
    expect(r.tieBreaks[0]).toMatchObject({ decision: "seat 1", among: ["A", "B"] });
    expect(r.winners).toEqual([r.tieBreaks[0].order[0]]);
  });

  it("orders equal-strength majorities by the TBRC when it matters, and says so (ericgorr example 4)", () => {
    const ids = ["A", "B", "C", "D"];
    const e = election(ids, ["A>D>C>B*12", "B>A>C>D*3", "B>C>A>D*25", "C>B>A>D*21", "D>A>B>C*12", "D>A>C>B*21", "D>B>A>C*6"], { unranked: "last" });
    const r = countRankedPairs(e);
    const pos = tieBreakingRanking(e.ballots, ids, r.ballotHash).position;
    // A over C and C over B are both 54:46 with losers C and B: MAM locks first the
    // one whose loser is lower in the TBRC.
    const aOverCFirst = pos[2] > pos[1];
    expect(r.ranking).toEqual(aOverCFirst ? [["B"], ["A"], ["D"], ["C"]] : [["C"], ["B"], ["A"], ["D"]]);
    expect(r.tieBreaks).toHaveLength(1);
    const tb = r.tieBreaks[0];
    expect(tb.decision).toContain("A over C (54:46)");
    expect(tb.decision).toContain("C over B (54:46)");
    expect(tb.rule).toContain("not locked (would close a cycle): " + (aOverCFirst ? "C over B" : "A over C"));
    expect([...tb.among].sort()).toEqual(["A", "B", "C"]);
  });

  it("does not consult the TBRC for equal-strength majorities whose order changes nothing", () => {
    // Five majorities are 3:0 (A over B, C, D; B over D; C over D) and lock in any
    // order; B over C (2:1) comes after them.
    const e = election(["A", "B", "C", "D"], ["A>B>C>D*2", "A>C>B>D"]);
    const d = pairwiseMatrix(e.ballots, "exclude");
    let asked = 0;
    const res = lockPairs(d, 4, "winning", ["A", "B", "C", "D"], () => {
      asked++;
      return [0, 1, 2, 3];
    });
    expect(asked).toBe(0);
    expect(res.tieBreaks).toEqual([]);
    expect(countRankedPairs(e).ranking).toEqual([["A"], ["B"], ["C"], ["D"]]);
  });

  it("leaves candidates the lock graph never orders in a shared tier", () => {
    // Under exclude, ballots about A/B and about C/D only: two separate majorities.
    const r = countRankedPairs(election(["A", "B", "C", "D"], ["A>B*3", "C>D*2"], { seats: 2 }));
    expect(r.ranking).toEqual([["A", "C"], ["B", "D"]]);
    expect(r.winners).toEqual(["A", "C"]);
    expect(r.tieBreaks).toEqual([]);
  });
});
