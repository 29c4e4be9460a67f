import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { countIrv } from "./irv";
import { TallyInputError, type TallyResult } from "./types";

/** "A>B=C" x count: tiers best first, "=" for equal rankings, "" for an abstention. */
function irv(cands: string[], ballots: [string, number][], seats = 1): TallyResult {
  return countIrv(
    compileElection({
      seats,
      method: "irv",
      candidates: cands.map((id) => ({ id, name: id })),
      ballots: ballots.map(([b, count]) => ({ ranking: b === "" ? [] : b.split(">").map((t) => t.split("=")), count })),
    }),
  );
}

describe("countIrv", () => {
  it("refuses more than one seat", () => {
    expect(() => irv(["A", "B", "C"], [["A", 1]], 2)).toThrow(TallyInputError);
    expect(() => irv(["A", "B", "C"], [["A", 1]], 2)).toThrow(/irv elects one candidate; for several seats use stv-scottish or stv-meek/);
  });

  it("needs a majority of the continuing votes, not of all ballots, once ballots exhaust", () => {
    const r = irv(["A", "B", "C"], [["A", 4], ["B", 3], ["C", 2]]);
    expect(r.rounds!.map((s) => s.votes)).toEqual([{ A: 4, B: 3, C: 2 }, { A: 4, B: 3 }]);
    expect(r.rounds![0].excluded).toEqual(["C"]);
    expect(r.rounds![1].exhausted).toBe(2);
    // 4 of 9 ballots is no majority, but 4 of the 7 still continuing is.
    expect(r.winners).toEqual(["A"]);
    expect(r.rounds![1].elected).toEqual(["A"]);
    expect(r.quota).toBeNull();
    expect(r.ranking).toEqual([["A"], ["B"], ["C"]]);
  });

  it("elects in the first round when a candidate already has a majority", () => {
    const r = irv(["A", "B", "C"], [["A>B", 6], ["B>A", 3], ["C", 2]]);
    expect(r.rounds).toHaveLength(1);
    expect(r.winners).toEqual(["A"]);
    expect(r.ranking).toEqual([["A"], ["B"], ["C"]]);
  });

  it("splits a ballot equally at a tie among its highest continuing preferences", () => {
    const r = irv(["A", "B", "C"], [["A", 3], ["B", 2], ["C>A=B", 1]]);
    expect(r.rounds![1].votes).toEqual({ A: 3.5, B: 2.5 });
    expect(r.winners).toEqual(["A"]);
  });

  it("keeps thirds exact, so three-way splits still tie exactly", () => {
    const r = irv(["A", "B", "C", "D"], [["A", 3], ["B", 3], ["C", 3], ["D>A=B=C", 1]]);
    expect(r.rounds![1].votes).toEqual({ A: 10 / 3, B: 10 / 3, C: 10 / 3 });
    expect(r.tieBreaks[0]).toMatchObject({ decision: "exclusion in round 2" });
    expect([...r.tieBreaks[0].among].sort()).toEqual(["A", "B", "C"]);
  });

  it("breaks a tie for exclusion by the most recent round where the tied differed", () => {
    // Round 2: B 4 = C 4; round 1: B 3 < C 4, so B goes.
    const r = irv(["A", "B", "C", "D"], [["A", 5], ["B", 3], ["C", 4], ["D>B", 1]]);
    expect(r.rounds![1].votes).toEqual({ A: 5, B: 4, C: 4 });
    expect(r.rounds![1].excluded).toEqual(["B"]);
    expect(r.tieBreaks).toHaveLength(1);
    expect(r.tieBreaks[0]).toMatchObject({ decision: "exclusion in round 2", order: ["C", "B"] });
    expect(r.tieBreaks[0].rule).toMatch(/round 1/);
    expect(r.winners).toEqual(["A"]);
    expect(r.ranking).toEqual([["A"], ["C"], ["B"], ["D"]]);
  });

  it("breaks a tie equal in every round by lot (the TBRC), excluding the last in its order", () => {
    const r = irv(["c1", "c2", "c3"], [["c1>c2>c3", 26], ["c2>c3>c1", 20], ["c3>c1>c2", 20]]);
    expect(r.tieBreaks).toHaveLength(1);
    const t = r.tieBreaks[0];
    expect([...t.among].sort()).toEqual(["c2", "c3"]);
    expect(t.rule).toMatch(/TBRC/);
    expect(r.rounds![0].excluded).toEqual([t.order[1]]);
    // Excluding c2 elects c3 (40-26); excluding c3 elects c1 (46-20).
    expect(r.winners).toEqual([t.order[1] === "c2" ? "c3" : "c1"]);
    // Same ballots, same draw.
    expect(irv(["c1", "c2", "c3"], [["c3>c1>c2", 20], ["c1>c2>c3", 26], ["c2>c3>c1", 20]]).winners).toEqual(r.winners);
  });

  it("does not count abstentions as exhausted ballots", () => {
    const r = irv(["A", "B"], [["A", 2], ["B", 1], ["", 4]]);
    expect(r.abstentions).toBe(4);
    expect(r.rounds![0].exhausted).toBe(0);
    expect(r.winners).toEqual(["A"]);
  });

  it("counts fractional ballot weights", () => {
    const r = irv(["A", "B", "C"], [["A", 1.5], ["B", 1.25], ["C>B", 0.5]]);
    expect(r.rounds![0].votes).toEqual({ A: 1.5, B: 1.25, C: 0.5 });
    expect(r.rounds![1].votes).toEqual({ A: 1.5, B: 1.75 });
    expect(r.winners).toEqual(["B"]);
  });

  it("elects the last candidate standing when no ballot ranks anyone", () => {
    const r = irv(["A", "B"], [["", 3]]);
    expect(r.winners).toHaveLength(1);
    expect(r.tieBreaks).toHaveLength(1);
    expect(r.rounds!.at(-1)!.action).toMatch(/only candidate left/);
  });
});
