import { fillSeats } from "./fill-seats";
import { defeatStrength, matrixRecord, pairwiseMatrix, tiersFromRelation } from "./pairwise";
import { baseResult } from "./result";
import { tieBreakingRanking } from "./tiebreak";
import type { CompiledElection, Strength, TallyResult } from "./types";

/**
 * Strongest path strengths (Schulze): p[i * n + j] is the strength of the widest
 * path from i to j, where a path is as strong as its weakest defeat. Floyd–Warshall
 * over (max, min), O(n³), which is nothing next to reading the ballots.
 */
export function strongestPaths(d: Float64Array, n: number, strength: Strength): Float64Array {
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) p[i * n + j] = defeatStrength(d, n, i, j, strength);
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const rowI = i * n;
      const ik = p[rowI + k];
      if (ik === 0) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const via = ik < p[rowK + j] ? ik : p[rowK + j];
        if (via > p[rowI + j]) p[rowI + j] = via;
      }
    }
  }
  return p;
}

/**
 * Schulze's full ranking: i is above j iff p[i][j] > p[j][i]. Schulze proves that
 * relation transitive, so it is a strict partial order and its tiers are well
 * defined; a tie no strongest path resolves stays a shared tier.
 */
export function schulzeTiers(p: Float64Array, n: number): number[][] {
  return tiersFromRelation(n, (i, j) => p[i * n + j] > p[j * n + i]);
}

export function countSchulze(e: CompiledElection): TallyResult {
  const ids = e.candidates.map((c) => c.id);
  const n = ids.length;
  const d = pairwiseMatrix(e.ballots, e.unranked);
  const p = strongestPaths(d, n, e.strength);
  const tiers = schulzeTiers(p, n);
  // Only now the ballot hash (in baseResult): nothing above needs it, so a hash
  // computed on another thread (CompiledElection.ballotHash) overlaps the count.
  const result = baseResult(e);
  const seats = fillSeats({
    ranking: tiers,
    seats: e.seats,
    candidates: e.candidates,
    maxPerAffiliation: e.maxPerAffiliation,
    continuingMembers: e.continuingMembers,
    tieBreakOrder: () => tieBreakingRanking(e.ballots, ids, result.ballotHash).order,
  });
  result.winners = seats.winners.map((c) => ids[c]);
  result.ranking = tiers.map((t) => t.map((c) => ids[c]));
  result.pairwise = matrixRecord(d, ids);
  result.strongestPaths = matrixRecord(p, ids);
  result.skippedForCap = seats.skippedForCap;
  result.tieBreaks = seats.tieBreaks;
  return result;
}
