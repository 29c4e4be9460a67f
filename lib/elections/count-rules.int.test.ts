// The election's stored rules reach the engine, end to end through the database:
// ballots cast with castBallot, closed, tallied by tallyElection, exported by
// exportBallots. Each election is built so that its rule changes the outcome
// against the default (unranked "exclude", no continuing members, winning
// votes), and every expected value is worked out by hand in the comments, never
// by calling the engine.
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { tallyCompiled } from "@/lib/tally";
import { parseHustingsJson } from "@/lib/tally/formats";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { exportBallots } from "@/lib/ballots/export-ballots";
import type { Election } from "@/lib/generated/prisma/client";
import { closeVoting } from "./close-voting";
import { tallyElection } from "./tally-election";
import { makeCandidate, makeElection, makeOfficial, makeVoter } from "@/test/helpers/factories";

afterAll(() => closeRateLimitStore());

type Names = readonly string[];

/** Candidates by letter, ballots as letter tiers cast `times` each, voting closed. */
async function electionWith(e: Election, candidates: Record<string, string>, ballots: [number, string[][]][]) {
  const official = await makeOfficial(e.id);
  const id: Record<string, string> = {};
  for (const [letter, affiliation] of Object.entries(candidates)) id[letter] = (await makeCandidate(e.id, { name: `Candidate ${letter}`, affiliation })).id;
  for (const [times, tiers] of ballots) {
    for (let i = 0; i < times; i++) {
      await castBallot(await makeVoter(e.id), { electionId: e.id, ranking: tiers.map((t) => t.map((l) => id[l])) });
    }
  }
  await closeVoting(official, { electionId: e.id });
  const letter = Object.fromEntries(Object.entries(id).map(([l, i]) => [i, l]));
  return { official, id, letter };
}

/** `{a: {b: n}}` keyed by letters, from a result keyed by candidate ids. */
function byLetter(m: Record<string, Record<string, number>> | null, letter: Record<string, string>) {
  if (m === null) return null;
  return Object.fromEntries(Object.entries(m).map(([i, row]) => [letter[i], Object.fromEntries(Object.entries(row).map(([j, v]) => [letter[j], v]))]));
}

const letters = (ids: readonly string[], letter: Record<string, string>): Names => ids.map((i) => letter[i]);
const tiers = (r: readonly (readonly string[])[], letter: Record<string, string>) => r.map((t) => letters(t, letter).slice().sort());

/** The JSON export carries the rules: re-counting it offline gives the same winners. */
async function exportRecount(official: Actor, electionId: string) {
  const compiled = parseHustingsJson(await exportBallots(official, { electionId, format: "json" }));
  return { compiled, result: tallyCompiled(compiled) };
}

describe("the count uses the election's stored rules", () => {
  it('unranked "last": a ballot ranks the candidates it leaves out below every ranked one', async () => {
    // Three candidates, one seat, Schulze with winning votes, 9 ballots:
    //   4 × A        3 × B > A        2 × C > B
    // "last" (stored): unranked candidates sit below the ranked ones, tied.
    //   d(A,B) = 4 (A-only)                 d(B,A) = 3 (B>A) + 2 (C>B, A unranked) = 5
    //   d(A,C) = 4 (A-only) + 3 (B>A) = 7   d(C,A) = 2 (C>B)
    //   d(B,C) = 3 (B>A, C unranked)        d(C,B) = 2 (C>B)
    //   Defeats B→A 5, A→C 7, B→C 3. Strongest paths: B→A 5, B→C max(3, min(5,7)) = 5,
    //   A→C 7, and none out of C, none from A to B. B is the Condorcet winner: B > A > C.
    // "exclude" (the default) would count only ranked pairs:
    //   d(B,A) = 3, d(C,B) = 2, every other count 0; paths C→B 2, C→A min(2,3) = 2,
    //   B→A 3: C > B > A, and C would win instead of B.
    const e = await makeElection("voting", { seats: 1, unranked: "last" });
    const { official, letter } = await electionWith(e, { A: "none", B: "none", C: "none" }, [
      [4, [["A"]]],
      [3, [["B"], ["A"]]],
      [2, [["C"], ["B"]]],
    ]);
    const r = await tallyElection(official, { electionId: e.id });
    expect(letters(r.winners, letter)).toEqual(["B"]);
    expect(r.unranked).toBe("last");
    expect(tiers(r.ranking, letter)).toEqual([["B"], ["A"], ["C"]]);
    expect(byLetter(r.pairwise, letter)).toEqual({ A: { B: 4, C: 7 }, B: { A: 5, C: 3 }, C: { A: 2, B: 2 } });
    expect(byLetter(r.strongestPaths, letter)).toEqual({ A: { B: 0, C: 7 }, B: { A: 5, C: 5 }, C: { A: 0, B: 0 } });
    expect(r.tieBreaks).toEqual([]);

    const { compiled, result } = await exportRecount(official, e.id);
    expect(compiled.unranked).toBe("last");
    expect(letters(result.winners, letter)).toEqual(["B"]);
    expect(result.ballotHash).toBe(r.ballotHash);
  });

  it("continuing members count against the affiliation cap", async () => {
    // Two seats, at most 1 per affiliation; a continuing member from "acme" (stored
    // lower-case: the cap folds case) whose seat is not up. 3 ballots A > B > C:
    //   d(A,B) = d(A,C) = d(B,C) = 3, the reverse 0; paths equal the defeats
    //   (A→C also via B: min(3,3) = 3). Ranking A > B > C.
    // Without the continuing member: seat 1 A (Acme), seat 2 B (Initech) → A, B.
    // With it Acme already holds its one seat: A is skipped for seat 1, which goes
    //   to B; seat 2 to C (no affiliation) → B, C.
    const e = await makeElection("voting", { seats: 2, maxPerAffiliation: 1, continuingMembers: [{ name: "Zed Old", affiliation: "acme" }] });
    const { official, id, letter } = await electionWith(e, { A: "Acme", B: "Initech", C: "none" }, [[3, [["A"], ["B"], ["C"]]]]);
    const r = await tallyElection(official, { electionId: e.id });
    expect(letters(r.winners, letter)).toEqual(["B", "C"]);
    expect(tiers(r.ranking, letter)).toEqual([["A"], ["B"], ["C"]]);
    expect(byLetter(r.pairwise, letter)).toEqual({ A: { B: 3, C: 3 }, B: { A: 0, C: 3 }, C: { A: 0, B: 0 } });
    expect(r.skippedForCap).toEqual([
      {
        candidate: id.A,
        affiliation: "Acme",
        seat: 1,
        reason: 'affiliation "Acme" already holds 1 seat, 1 of them by a continuing member, the most allowed (1); seat 1 goes to the next eligible candidate',
      },
    ]);

    const { compiled, result } = await exportRecount(official, e.id);
    expect(compiled.continuingMembers).toEqual([{ name: "Zed Old", affiliation: "acme" }]);
    expect(letters(result.winners, letter)).toEqual(["B", "C"]);
  });

  it('strength "margins": a defeat is as strong as its margin, not its winning votes', async () => {
    // Three candidates, one seat, unranked "exclude", 10 ballots:
    //   2 × A > B > C    1 × B > C > A    3 × C > A    2 × A > B    2 × B > A
    //   d(A,B) = 2 + 2 = 4   d(B,A) = 1 + 2 = 3   (the C > A ballots leave B out)
    //   d(B,C) = 2 + 1 = 3   d(C,B) = 0
    //   d(C,A) = 1 + 3 = 4   d(A,C) = 2
    // A cycle A→B→C→A. Margins (stored): A→B 1, B→C 3, C→A 2; the weakest link A→B
    //   breaks it. Paths: A→B 1, A→C min(1,3) = 1, B→C 3, B→A min(3,2) = 2,
    //   C→A 2, C→B min(2,1) = 1. B beats A (2 > 1) and C (3 > 1), C beats A (2 > 1):
    //   B > C > A, B wins.
    // Winning votes (the default): A→B 4, B→C 3, C→A 4; the weakest is B→C. Paths:
    //   A→B 4, B→A min(3,4) = 3, C→A 4, A→C min(4,3) = 3, B→C 3, C→B min(4,4) = 4:
    //   C > A > B, and C would win instead of B.
    const e = await makeElection("voting", { seats: 1, strength: "margins" });
    const { official, letter } = await electionWith(e, { A: "none", B: "none", C: "none" }, [
      [2, [["A"], ["B"], ["C"]]],
      [1, [["B"], ["C"], ["A"]]],
      [3, [["C"], ["A"]]],
      [2, [["A"], ["B"]]],
      [2, [["B"], ["A"]]],
    ]);
    const r = await tallyElection(official, { electionId: e.id });
    expect(letters(r.winners, letter)).toEqual(["B"]);
    expect(r.strength).toBe("margins");
    expect(tiers(r.ranking, letter)).toEqual([["B"], ["C"], ["A"]]);
    expect(byLetter(r.pairwise, letter)).toEqual({ A: { B: 4, C: 2 }, B: { A: 3, C: 3 }, C: { A: 4, B: 0 } });
    expect(byLetter(r.strongestPaths, letter)).toEqual({ A: { B: 1, C: 1 }, B: { A: 2, C: 3 }, C: { A: 2, B: 1 } });

    const { compiled, result } = await exportRecount(official, e.id);
    expect(compiled.strength).toBe("margins");
    expect(letters(result.winners, letter)).toEqual(["B"]);
  });
});
