import { describe, expect, it } from "vitest";
import { AffiliationCap, fillSeats, normaliseAffiliation, type FillSeatsInput } from "./fill-seats";
import type { Candidate } from "./types";

const people = (spec: [string, string | null][]): Candidate[] => spec.map(([id, affiliation]) => ({ id, name: id, affiliation }));
const strict = (n: number) => Array.from({ length: n }, (_, i) => [i]);
const noTie = () => {
  throw new Error("no tie should need breaking here");
};

function fill(over: Partial<FillSeatsInput> & Pick<FillSeatsInput, "candidates" | "seats">) {
  const r = fillSeats({ ranking: strict(over.candidates.length), maxPerAffiliation: 2, tieBreakOrder: noTie, ...over });
  return { ...r, ids: r.winners.map((c) => over.candidates[c].id) };
}

describe("normaliseAffiliation", () => {
  it("trims and case-folds, and treats empty and none as no affiliation", () => {
    expect(normaliseAffiliation("  ACME Corp ")).toBe("acme corp");
    expect(normaliseAffiliation("")).toBeNull();
    expect(normaliseAffiliation("  None ")).toBeNull();
    expect(normaliseAffiliation(null)).toBeNull();
    expect(normaliseAffiliation(undefined)).toBeNull();
  });
});

describe("fillSeats: the Kata affiliation cap", () => {
  // 7 candidates, 3 seats, at most 2 per company; the top three all work for Acme.
  const seven = people([
    ["ann", "Acme"],
    ["bob", "ACME"],
    ["cat", " acme "],
    ["dan", "Globex"],
    ["eve", "Acme"],
    ["fay", "Initech"],
    ["gus", null],
  ]);

  it("skips a third member of one company and gives the seat to the next eligible candidate", () => {
    const r = fill({ candidates: seven, seats: 3 });
    expect(r.ids).toEqual(["ann", "bob", "dan"]);
    expect(r.skippedForCap).toHaveLength(1);
    expect(r.skippedForCap[0]).toMatchObject({ candidate: "cat", affiliation: "acme", seat: 3 });
    expect(r.skippedForCap[0].reason).toContain("already holds 2 seats");
    expect(r.skippedForCap[0].reason).toContain("seat 3 goes to the next eligible candidate");
    expect(r.unfilledSeats).toBe(0);
    expect(r.tieBreaks).toEqual([]);
  });

  it("does not report capped candidates the count never reached", () => {
    const r = fill({ candidates: seven, seats: 3 });
    expect(r.skippedForCap.map((s) => s.candidate)).not.toContain("eve");
  });

  it("counts continuing members towards the cap", () => {
    const r = fill({ candidates: seven, seats: 3, continuingMembers: [{ name: "old", affiliation: "acme" }] });
    expect(r.ids).toEqual(["ann", "dan", "fay"]);
    expect(r.skippedForCap.map((s) => [s.candidate, s.seat])).toEqual([
      ["bob", 2],
      ["cat", 2],
      ["eve", 3],
    ]);
    expect(r.skippedForCap[0].reason).toContain("already holds 2 seats, 1 of them by a continuing member");
  });

  it("never caps candidates without an affiliation, nor 'none'", () => {
    const cands = people([
      ["a", null],
      ["b", ""],
      ["c", "none"],
      ["d", "NONE"],
      ["e", "X"],
    ]);
    const r = fill({ candidates: cands, seats: 4, maxPerAffiliation: 1, continuingMembers: [{ name: "m", affiliation: "None" }] });
    expect(r.ids).toEqual(["a", "b", "c", "d"]);
    expect(r.skippedForCap).toEqual([]);
  });

  it("reports fewer winners when the cap leaves too few eligible candidates", () => {
    const cands = people([
      ["a", "X"],
      ["b", "X"],
      ["c", "X"],
      ["d", "Y"],
    ]);
    const r = fill({ candidates: cands, seats: 3, maxPerAffiliation: 1 });
    expect(r.ids).toEqual(["a", "d"]);
    expect(r.unfilledSeats).toBe(1);
    expect(r.skippedForCap.map((s) => s.candidate)).toEqual(["b", "c"]);
  });

  it("applies no cap when the maximum is null", () => {
    const r = fill({ candidates: seven, seats: 3, maxPerAffiliation: null });
    expect(r.ids).toEqual(["ann", "bob", "cat"]);
    expect(r.skippedForCap).toEqual([]);
  });
});

describe("fillSeats: ties", () => {
  const four = people([
    ["a", null],
    ["b", null],
    ["c", null],
    ["d", null],
  ]);

  it("seats a whole tier that fits without a tie-break", () => {
    const r = fill({ candidates: four, seats: 3, ranking: [[0], [1, 2], [3]] });
    expect(r.ids).toEqual(["a", "b", "c"]);
    expect(r.tieBreaks).toEqual([]);
  });

  it("breaks a tier that straddles the last seat by the tie-break order restricted to it", () => {
    const r = fill({ candidates: four, seats: 2, ranking: [[0], [1, 2, 3]], tieBreakOrder: () => [0, 3, 1, 2] });
    expect(r.ids).toEqual(["a", "d"]);
    expect(r.tieBreaks).toEqual([
      expect.objectContaining({ decision: "seat 2", among: ["b", "c", "d"], order: ["d", "b", "c"] }),
    ]);
  });

  it("names the range when a tie decides several seats", () => {
    const r = fill({ candidates: four, seats: 3, ranking: [[0, 1, 2, 3]], tieBreakOrder: () => [2, 0, 3, 1] });
    expect(r.ids).toEqual(["c", "a", "d"]);
    expect(r.tieBreaks[0].decision).toBe("seats 1-3");
  });

  it("breaks a tier that fits the seats but not the cap", () => {
    const cands = people([
      ["a", "X"],
      ["b", "X"],
      ["c", "Y"],
    ]);
    const r = fill({ candidates: cands, seats: 2, maxPerAffiliation: 1, ranking: [[0, 1], [2]], tieBreakOrder: () => [1, 0, 2] });
    expect(r.ids).toEqual(["b", "c"]);
    expect(r.tieBreaks[0]).toMatchObject({ among: ["a", "b"], order: ["b", "a"] });
    expect(r.tieBreaks[0].decision).toContain("affiliation cap");
    expect(r.skippedForCap).toEqual([expect.objectContaining({ candidate: "a", seat: 2 })]);
  });
});

describe("AffiliationCap", () => {
  it("tracks room per affiliation for methods that seat one at a time", () => {
    const cap = new AffiliationCap(2, [{ name: "m", affiliation: "X" }]);
    expect(cap.room("x")).toBe(1);
    expect(cap.room(null)).toBe(Infinity);
    cap.seat(" X ");
    expect(cap.isFull("X")).toBe(true);
    const s = cap.skip({ id: "z", name: "Z", affiliation: "X" }, 4, "stage 4");
    expect(s).toMatchObject({ candidate: "z", affiliation: "X", seat: 4 });
    expect(s.reason).toContain("stage 4 goes to the next eligible candidate");
  });
});
