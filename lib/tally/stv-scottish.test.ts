import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { countScottishStv, mulDivFloor } from "./stv-scottish";
import type { Candidate, ContinuingMember, TallyResult } from "./types";

interface Opts {
  maxPerAffiliation?: number;
  continuingMembers?: ContinuingMember[];
}

/** Candidates as "id" or "id:affiliation"; ballots "A>B=C" x count, "" for an abstention. */
function stv(seats: number, cands: string[], ballots: [string, number][], opts: Opts = {}): TallyResult {
  const candidates: Candidate[] = cands.map((c) => {
    const [id, affiliation] = c.split(":");
    return { id, name: id, affiliation: affiliation ?? null };
  });
  return countScottishStv(
    compileElection({
      seats,
      method: "stv-scottish",
      candidates,
      ballots: ballots.map(([b, count]) => ({ ranking: b === "" ? [] : b.split(">").map((t) => t.split("=")), count })),
      ...opts,
    }),
  );
}

describe("mulDivFloor (rule 48(3): any remainder ignored)", () => {
  it("truncates, never rounds", () => {
    expect(mulDivFloor(100_000, 8, 42)).toBe(19_047); // 0.190476...
    expect(mulDivFloor(100_000, 1, 6)).toBe(16_666); // 0.166666..., rounding would give 16_667
    expect(mulDivFloor(100_000, 2, 3)).toBe(66_666);
    expect(mulDivFloor(100_000, 6, 6)).toBe(100_000);
  });

  it("stays exact beyond 2^53", () => {
    const a = 99_999;
    const b = 2 ** 50 + 3;
    const c = 7;
    expect(mulDivFloor(a, b, c)).toBe(Number((BigInt(a) * BigInt(b)) / BigInt(c)));
  });
});

describe("countScottishStv", () => {
  it("uses the Droop quota floor(valid / (seats + 1)) + 1, abstentions not being valid papers (rule 46)", () => {
    const r = stv(2, ["A", "B", "C"], [["A", 4], ["B", 3], ["C", 2], ["", 5]]);
    expect(r.quota).toBe(4); // floor(9 / 3) + 1
    expect(r.abstentions).toBe(5);
  });

  it("truncates every transfer value to 5 decimals (rule 48(3)) and reports what is lost", () => {
    // A: 6 votes, quota floor(13 / 3) + 1 = 5, surplus 1: each paper passes at
    // 1/6 = 0.16666 (truncated), so B gets 6 x 0.16666 = 0.99996, 0.00004 is lost.
    const r = stv(2, ["A", "B", "C", "D"], [["A>B", 6], ["C", 4], ["D", 3]]);
    expect(r.quota).toBe(5);
    expect(r.rounds![1].votes).toEqual({ A: 5, B: 0.99996, C: 4, D: 3 });
    expect(r.rounds![1].action).toMatch(/0\.00004 lost to truncation/);
  });

  it("applies a transfer value to each paper's current value (weighted inclusive Gregory)", () => {
    // fr.wikipedia example: A's surplus 8 of 42 passes at 0.19047 a paper.
    const r = stv(2, ["D", "B", "C", "A"], [["A>B>C>D", 28], ["A>C>D>B", 14], ["B>C>A>D", 15], ["C>A>B>D", 17], ["D>B>C>A", 26]]);
    expect(r.quota).toBe(34);
    expect(r.rounds![1].votes).toEqual({ D: 26, B: 20.33316, C: 19.66658, A: 34 });
    // Then C's papers, worth 1 or 0.19047 each, pass on at those values: 17 to B
    // (past A, elected) and 14 x 0.19047 to D.
    const c = r.rounds![2];
    expect(c.excluded).toEqual(["C"]);
    expect(c.votes).toEqual({ D: 28.66658, B: 37.33316, A: 34 });
    expect(r.winners).toEqual(["A", "B"]);
  });

  it("transfers equal surpluses by rule 49(2): more votes at the latest stage where they differed", () => {
    // Quota 20. A's surplus 5 passes at 0.2: B 19 + 2 = 21, C 18 + 3 = 21, equal
    // surpluses of 1; at stage 1 B had more, so B's goes first.
    const r = stv(4, ["A", "B", "C", "D", "E"], [["A>B", 10], ["A>C", 15], ["B>D", 19], ["C>E", 18], ["D", 17], ["E", 16]]);
    expect(r.quota).toBe(20);
    expect(r.rounds![1].votes).toMatchObject({ B: 21, C: 21 });
    const t = r.tieBreaks.find((x) => x.decision === "order of surplus transfers at stage 3")!;
    expect(t.order).toEqual(["B", "C"]);
    expect(t.rule).toMatch(/more votes at stage 1 \(rule 49\(2\)\)/);
    expect(r.rounds![2].action).toMatch(/^transfer of B's surplus of 1 /);
    expect(r.rounds![3].action).toMatch(/^transfer of C's surplus of 1 /);
  });

  it("excludes the lowest, breaking ties by the latest earlier stage where they differed (rule 51(2)(a))", () => {
    // weak-defeat.blt: after A's exclusion B and C both have 3; at stage 1 B had 2, C 3.
    const r = stv(2, ["A", "B", "C", "D", "E"], [["A>B", 1], ["B", 2], ["C", 3], ["D", 4], ["E", 5]]);
    expect(r.rounds![2].excluded).toEqual(["B"]);
    expect(r.tieBreaks).toHaveLength(1);
    expect(r.tieBreaks[0]).toMatchObject({ decision: "exclusion at stage 3", order: ["C", "B"] });
    expect(r.tieBreaks[0].rule).toMatch(/stage 1 \(rule 51\(2\)\(a\)\)/);
    expect(new Set(r.winners)).toEqual(new Set(["D", "E"]));
  });

  it("decides by lot (the TBRC) a tie equal at every stage (rule 51(2)(b))", () => {
    const r = stv(1, ["A", "B", "C"], [["A", 2], ["B", 1], ["C", 1]]);
    expect(r.tieBreaks).toHaveLength(1);
    const t = r.tieBreaks[0];
    expect(t.rule).toMatch(/by lot/);
    expect(t.rule).toMatch(/TBRC/);
    expect(r.rounds![1].excluded).toEqual([t.order[1]]);
    expect(r.winners).toEqual(["A"]);
  });

  it("elects all continuing candidates once they are no more than the seats left, without further transfers (rule 52)", () => {
    const r = stv(2, ["A", "B", "C"], [["A>B", 7], ["B", 2], ["C", 3]]);
    // Quota 5: A elected at stage 1; B and C compete for one seat.
    expect(r.winners[0]).toBe("A");
    const last = r.rounds!.at(-1)!;
    expect(last.action).toMatch(/rule 52/);
    // A's surplus 2 goes to B at 2/7 a paper: B 3.99997 against C 3, so C is out and B takes the seat.
    expect(r.winners).toEqual(["A", "B"]);
  });

  it("splits a paper equally at equal rankings, truncated to 5 decimals", () => {
    const r = stv(1, ["A", "B", "C"], [["A=B", 3], ["C", 2], ["A=B=C", 1]]);
    expect(r.rounds![0].votes).toEqual({ A: 1.83333, B: 1.83333, C: 2.33333 });
    expect(r.rounds![0].action).toMatch(/0\.00001 lost splitting equal rankings/);
  });

  it("passes a split share on from below the tie, not to the other tied candidate", () => {
    // C is excluded first; its half of "C=B>A" goes to A, not to B.
    const r = stv(1, ["A", "B", "C"], [["C=B>A", 2], ["A", 2], ["B", 2]]);
    expect(r.rounds![0].votes).toEqual({ A: 2, B: 3, C: 1 });
    expect(r.rounds![1].votes).toEqual({ A: 3, B: 3 });
  });

  it("reports the ranking: elected in order, then the rest by last votes, then exclusions reversed", () => {
    const r = stv(1, ["A", "B", "C", "D"], [["A", 5], ["B", 3], ["C", 2], ["D>B", 1]]);
    expect(r.ranking[0]).toEqual([r.winners[0]]);
    expect(r.ranking.flat().sort()).toEqual(["A", "B", "C", "D"]);
    expect(r.ranking.at(-1)).toEqual(["D"]);
  });
});

describe("countScottishStv: affiliation cap", () => {
  const cands = ["A:Acme", "B: acme ", "C:Other", "D"];
  const ballots: [string, number][] = [["A>B", 10], ["B>C", 8], ["C", 3], ["D", 4]];

  it("without a cap elects the two Acme candidates", () => {
    expect(stv(2, cands, ballots).winners).toEqual(["A", "B"]);
  });

  it("excludes the capped candidate at that point and transfers their papers as an exclusion", () => {
    const r = stv(2, cands, ballots, { maxPerAffiliation: 1 });
    // Quota 9: A elected at stage 1, which fills Acme (case and spaces ignored).
    expect(r.rounds![0].elected).toEqual(["A"]);
    expect(r.rounds![0].excluded).toEqual(["B"]);
    expect(r.skippedForCap).toEqual([
      expect.objectContaining({ candidate: "B", affiliation: "acme", seat: 1 }),
    ]);
    expect(r.skippedForCap[0].reason).toMatch(/the most allowed \(1\)/);
    // Stage 2 moves B's 8 papers to C, who reaches the quota.
    expect(r.rounds![1].action).toMatch(/affiliation cap/);
    expect(r.rounds![1].votes.C).toBe(11);
    expect(r.winners).toEqual(["A", "C"]);
  });

  it("counts continuing members' seats", () => {
    const r = stv(2, cands, ballots, {
      maxPerAffiliation: 1,
      continuingMembers: [{ name: "Zed", affiliation: "ACME" }],
    });
    expect(r.skippedForCap.map((s) => s.candidate).sort()).toEqual(["A", "B"]);
    expect(r.skippedForCap[0].reason).toMatch(/1 of them by a continuing member/);
    expect(r.winners).not.toContain("A");
    expect(r.winners).not.toContain("B");
    expect(r.winners).toHaveLength(2);
  });

  it("excludes a candidate who reaches the quota when their affiliation is already full", () => {
    const r = stv(2, ["A:Acme", "B:Acme", "C"], [["A", 10], ["B", 10], ["C", 2]], { maxPerAffiliation: 1 });
    expect(r.winners).toHaveLength(2);
    expect(r.winners).toContain("C");
    expect(r.skippedForCap).toHaveLength(1);
    // A and B tied at 10: who is elected first is a recorded tie-break.
    expect(r.tieBreaks.map((t) => t.decision)).toContain("order of election at stage 1");
  });

  it("never caps no affiliation, '' or 'none'", () => {
    const r = stv(3, ["A:none", "B:", "C:None", "D"], [["A", 5], ["B", 5], ["C", 5], ["D", 1]], { maxPerAffiliation: 1 });
    expect(r.skippedForCap).toEqual([]);
    expect(new Set(r.winners)).toEqual(new Set(["A", "B", "C"]));
  });
});
