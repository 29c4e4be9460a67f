import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { countMeekStv, MEEK_OMEGA } from "./stv-meek";
import { countScottishStv } from "./stv-scottish";
import type { Candidate, ContinuingMember, ElectionInput, TallyResult } from "./types";

interface Opts {
  maxPerAffiliation?: number;
  continuingMembers?: ContinuingMember[];
}

/** Candidates as "id" or "id:affiliation"; ballots "A>B=C" x count, "" for an abstention. */
function election(seats: number, cands: string[], ballots: [string, number][], opts: Opts = {}): ElectionInput {
  const candidates: Candidate[] = cands.map((c) => {
    const [id, affiliation] = c.split(":");
    return { id, name: id, affiliation: affiliation ?? null };
  });
  return {
    seats,
    method: "stv-meek",
    candidates,
    ballots: ballots.map(([b, count]) => ({ ranking: b === "" ? [] : b.split(">").map((t) => t.split("=")), count })),
    ...opts,
  };
}

const meek = (...a: Parameters<typeof election>): TallyResult => countMeekStv(compileElection(election(...a)));

// Voting matters issue 12, "The computational accuracy using the Meek algorithm"
// (droop test/blt/SC-Vm-12.blt): X, Y and Z end up within 1e-7 of each other.
const VM12: [string, number][] = [
  ["A>X", 333], ["A>Y", 333], ["A>Z", 333],
  ["B>X", 333], ["B>Y", 333], ["B>Z", 333],
  ["X", 667], ["Y", 667], ["Z", 667],
  ["A>B>X", 1], ["A>B>Y", 1], ["B>A>X", 2],
];

describe("countMeekStv", () => {
  it("uses the unrounded quota votes / (seats + 1), and elects differently from integer Droop STV", () => {
    // python-vote-core test_stv_ian_jacobs_3: quota 9/4, so A and B each pass 0.75 on to X.
    const ballots: [string, number][] = [["A>X>D", 3], ["B>X>D", 3], ["C>X", 2], ["D>X", 1]];
    const r = meek(3, ["A", "B", "C", "D", "X"], ballots);
    expect(r.quota).toBe(2.25);
    expect(new Set(r.winners)).toEqual(new Set(["A", "B", "X"]));
    const scottish = countScottishStv(compileElection({ ...election(3, ["A", "B", "C", "D", "X"], ballots), method: "stv-scottish" }));
    expect(new Set(scottish.winners)).toEqual(new Set(["A", "B", "C"]));
  });

  it("resolves votes 1e-7 apart (Voting matters 12): the arithmetic is precise enough", () => {
    const r = meek(3, ["A", "B", "X", "Y", "Z"], VM12);
    expect(r.quota).toBe(4003 / 4);
    expect(r.winners).toEqual(["A", "B", "X"]);
    // The three were told apart, not tied: no lot was drawn.
    expect(r.tieBreaks).toEqual([]);
    const converged = r.rounds!.find((s) => s.excluded.length > 0)!;
    expect(converged.excluded).toEqual(["Z"]);
    const { X, Y, Z } = converged.votes;
    expect(X - Y).toBeGreaterThan(5e-8);
    expect(Y - Z).toBeGreaterThan(3e-8);
    expect(converged.action).toContain(`<= ${MEEK_OMEGA}`);
  });

  it("counts candidates within the total surplus of the lowest as tied for exclusion (PRF B.3), broken by lot", () => {
    // droop 42.blt: Castor's surplus lifts Pollux towards exactly Helen's 2.
    const r = meek(2, ["Castor", "Pollux", "Helen"], [["Castor>Pollux", 4], ["Helen", 2]]);
    expect(r.winners[0]).toBe("Castor");
    expect(r.winners).toHaveLength(2);
    expect(r.tieBreaks).toHaveLength(1);
    const t = r.tieBreaks[0];
    expect([...t.among].sort()).toEqual(["Helen", "Pollux"]);
    expect(t.rule).toMatch(/B\.3/);
    expect(t.rule).toMatch(/TBRC/);
    expect(r.winners[1]).toBe(t.order[0]);
  });

  it("splits weight at equal rankings, each share through its candidate's keep factor (droop eq1)", () => {
    const r = meek(2, ["A", "B", "C"], [["A>B", 5], ["B=C", 1], ["C", 3]]);
    expect(r.rounds![0].votes).toEqual({ A: 5, B: 0.5, C: 3.5 });
    expect(r.quota).toBe(3);
    expect(r.winners).toEqual(["A", "C"]);
  });

  it("passes what an elected tied candidate does not keep on down the ballot (droop eq2)", () => {
    const r = meek(2, ["A", "B", "C", "D"], [["A>B=C>D", 5], ["B=C>A", 1], ["C=D>B=A", 3], ["B>A=D>C", 2]]);
    expect(r.quota).toBeCloseTo(11 / 3, 12);
    expect(r.winners).toEqual(["A", "C"]);
  });

  it("recomputes the quota as ballots exhaust, and reports it per round", () => {
    const r = meek(2, ["A", "B", "C", "D"], [["A", 6], ["B", 4], ["C", 3], ["D", 2]]);
    const quotas = r.rounds!.map((s) => s.quota!);
    expect(quotas[0]).toBe(5);
    // A's surplus has nowhere to go: at convergence A keeps the quota and the
    // rest exhausts, so quota = (q + 4 + 3 + 2) / 3, q = 4.5.
    expect(quotas[2]).toBeCloseTo(4.5, 8);
    expect(r.rounds![2].exhausted).toBeCloseTo(1.5, 8);
    expect(r.rounds![2].excluded).toEqual(["D"]);
    // D's 2 ballots then exhaust too.
    expect(quotas[3]).toBeCloseTo(11.5 / 3, 8);
    expect(r.rounds![3].exhausted).toBeCloseTo(3.5, 8);
    expect(r.winners).toEqual(["A", "B"]);
  });

  it("leaves abstentions out of the votes and of the exhausted ballots", () => {
    const r = meek(1, ["A", "B"], [["A", 3], ["B", 2], ["", 5]]);
    expect(r.abstentions).toBe(5);
    expect(r.rounds![0].exhausted).toBe(0);
    expect(r.winners).toEqual(["A"]);
  });

  it("ranks the elected in order, then the rest, then the excluded last-excluded first", () => {
    const r = meek(2, ["A", "B", "C", "D"], [["A>B", 7], ["B", 3], ["C", 2], ["D", 1]]);
    expect(r.ranking.slice(0, 2)).toEqual(r.winners.map((w) => [w]));
    expect(r.ranking.at(-1)).toEqual(["D"]);
    expect(r.ranking.flat().sort()).toEqual(["A", "B", "C", "D"]);
  });

  it("is reproducible: the same ballots in another order give the same result", () => {
    const a = meek(3, ["A", "B", "X", "Y", "Z"], VM12);
    const b = meek(3, ["A", "B", "X", "Y", "Z"], [...VM12].reverse());
    expect(b.winners).toEqual(a.winners);
    expect(b.rounds).toEqual(a.rounds);
  });
});

describe("countMeekStv: affiliation cap", () => {
  const cands = ["A:Acme", "B:ACME", "C:Other", "D"];
  const ballots: [string, number][] = [["A>B", 10], ["B>C", 8], ["C", 3], ["D", 4]];

  it("without a cap elects the two Acme candidates", () => {
    expect(new Set(meek(2, cands, ballots).winners)).toEqual(new Set(["A", "B"]));
  });

  it("excludes the capped hopeful once the affiliation is full, so its ballots pass on", () => {
    const r = meek(2, cands, ballots, { maxPerAffiliation: 1 });
    expect(r.winners).toEqual(["A", "C"]);
    expect(r.skippedForCap).toEqual([expect.objectContaining({ candidate: "B", affiliation: "ACME" })]);
    const capped = r.rounds!.find((s) => s.excluded.includes("B"))!;
    expect(capped.action).toMatch(/B is excluded by the affiliation cap/);
  });

  it("counts continuing members, excluding capped candidates from the first round", () => {
    const r = meek(2, cands, ballots, { maxPerAffiliation: 1, continuingMembers: [{ name: "Zed", affiliation: " acme" }] });
    expect(r.skippedForCap.map((s) => s.candidate).sort()).toEqual(["A", "B"]);
    expect(r.rounds![0].excluded.sort()).toEqual(["A", "B"]);
    expect(new Set(r.winners)).toEqual(new Set(["C", "D"]));
  });

  it("never caps candidates without an affiliation", () => {
    const r = meek(2, ["A:none", "B", "C:"], [["A", 5], ["B", 5], ["C", 1]], { maxPerAffiliation: 1 });
    expect(r.skippedForCap).toEqual([]);
    expect(new Set(r.winners)).toEqual(new Set(["A", "B"]));
  });
});
