import { fillSeats } from "./fill-seats";
import { matrixRecord, pairwiseMatrix, tiersFromRelation } from "./pairwise";
import { baseResult } from "./result";
import { TBRC_RULE, tieBreakingRanking } from "./tiebreak";
import type { CompiledElection, Strength, TallyResult, TieBreak } from "./types";

/** A pairwise majority: `winner` is preferred to `loser` by `win` against `lose`. */
export interface Majority {
  winner: number;
  loser: number;
  win: number;
  lose: number;
}

export interface LockResult {
  /** locked[i * n + j] = 1 when the defeat i over j was locked. */
  locked: Uint8Array;
  /** Majorities in the order they were considered. */
  order: Majority[];
  tieBreaks: TieBreak[];
}

/**
 * Orders majorities strongest first. Winning votes (MAM): the larger winning
 * side first, then the smaller losing side. Margins: the larger margin first.
 * Returns 0 for majorities of equal strength, which the TBRC then orders.
 */
export function compareMajorities(a: Majority, b: Majority, strength: Strength): number {
  if (strength === "margins") return b.win - b.lose - (a.win - a.lose);
  return b.win - a.win || a.lose - b.lose;
}

const MAM_PAIR_RULE =
  "MAM: among majorities of equal strength, the one whose loser ranks lower in the TBRC is locked first; " +
  "with the same loser, the one whose winner ranks higher";

/**
 * Tideman's Ranked Pairs as MAM specifies it: lock majorities strongest first,
 * skipping any that would close a cycle with those already locked. A pairwise
 * tie (d[i][j] = d[j][i]) is no majority and is never locked.
 *
 * The TBRC is consulted only for a run of equal-strength majorities whose order
 * changes what gets locked, and each such run is reported. The order matters
 * exactly when the locked graph plus every majority of the run that could lock on
 * its own contains a cycle: if it does not, any order locks the same set; if it
 * does, each of those majorities gets locked when it goes first, yet not all can be.
 */
export function lockPairs(
  d: Float64Array,
  n: number,
  strength: Strength,
  ids: readonly string[],
  tbrc: () => readonly number[],
): LockResult {
  const majorities: Majority[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const win = d[i * n + j];
      const lose = d[j * n + i];
      if (win > lose) majorities.push({ winner: i, loser: j, win, lose });
    }
  // Stable base order (winner, loser) keeps the result independent of anything but strength.
  majorities.sort((a, b) => compareMajorities(a, b, strength) || a.winner - b.winner || a.loser - b.loser);

  const locked = new Uint8Array(n * n);
  const stack = new Int32Array(n);
  const seen = new Uint8Array(n);
  const reaches = (from: number, to: number): boolean => {
    if (from === to) return true;
    seen.fill(0);
    let top = 0;
    stack[top++] = from;
    seen[from] = 1;
    while (top > 0) {
      const v = stack[--top];
      const row = v * n;
      for (let w = 0; w < n; w++) {
        if (locked[row + w] === 0 || seen[w] === 1) continue;
        if (w === to) return true;
        seen[w] = 1;
        stack[top++] = w;
      }
    }
    return false;
  };
  const tryLock = (m: Majority): boolean => {
    if (reaches(m.loser, m.winner)) return false;
    locked[m.winner * n + m.loser] = 1;
    return true;
  };

  const order: Majority[] = [];
  const tieBreaks: TieBreak[] = [];
  let position: Int32Array | null = null;
  for (let start = 0; start < majorities.length; ) {
    let end = start + 1;
    while (end < majorities.length && compareMajorities(majorities[start], majorities[end], strength) === 0) end++;
    const run = majorities.slice(start, end);
    start = end;
    if (run.length === 1) {
      tryLock(run[0]);
      order.push(run[0]);
      continue;
    }
    const before = locked.slice();
    const free = run.filter((m) => !reaches(m.loser, m.winner));
    if (free.every(tryLock)) {
      order.push(...run);
      continue;
    }
    locked.set(before);
    if (position === null) {
      position = new Int32Array(n);
      tbrc().forEach((c, i) => (position![c] = i));
    }
    const pos = position;
    // MAM: the majority whose loser is lowest in the TBRC first, then whose winner is highest.
    const ordered = [...run].sort((a, b) => pos[b.loser] - pos[a.loser] || pos[a.winner] - pos[b.winner]);
    const taken: Majority[] = [];
    const refused: Majority[] = [];
    for (const m of ordered) (tryLock(m) ? taken : refused).push(m);
    order.push(...ordered);
    const involved = [...new Set(free.flatMap((m) => [m.winner, m.loser]))].sort((a, b) => a - b);
    const show = (m: Majority) => `${ids[m.winner]} over ${ids[m.loser]} (${m.win}:${m.lose})`;
    tieBreaks.push({
      decision: `locking order of pairs of equal strength: ${free.map(show).join(", ")}`,
      among: involved.map((c) => ids[c]),
      order: [...involved].sort((a, b) => pos[a] - pos[b]).map((c) => ids[c]),
      rule:
        `${MAM_PAIR_RULE}; ${TBRC_RULE}. Order used: ${ordered.map(show).join(", ")}; ` +
        `locked: ${taken.map(show).join(", ") || "none"}; ` +
        `not locked (would close a cycle): ${refused.map(show).join(", ") || "none"}`,
    });
  }
  return { locked, order, tieBreaks };
}

/**
 * Ranking tiers from the lock graph: each tier is the candidates no remaining
 * candidate beats through a locked defeat (topological layers). Candidates the
 * lock graph leaves unordered (a pairwise tie nothing else settles) share a tier
 * when neither is held down by someone else; a candidate sits in the earliest
 * layer its locked defeats allow.
 */
export function rankedPairsTiers(locked: Uint8Array, n: number): number[][] {
  return tiersFromRelation(n, (i, j) => locked[i * n + j] === 1);
}

export function countRankedPairs(e: CompiledElection): TallyResult {
  const ids = e.candidates.map((c) => c.id);
  const n = ids.length;
  const d = pairwiseMatrix(e.ballots, e.unranked);
  // The ballot hash (in baseResult) after the matrix, so a hash computed on
  // another thread (CompiledElection.ballotHash) overlaps it.
  const result = baseResult(e);
  let tbrc: readonly number[] | null = null;
  const tieBreakOrder = () => (tbrc ??= tieBreakingRanking(e.ballots, ids, result.ballotHash).order);
  const { locked, tieBreaks } = lockPairs(d, n, e.strength, ids, tieBreakOrder);
  const tiers = rankedPairsTiers(locked, n);
  const seats = fillSeats({
    ranking: tiers,
    seats: e.seats,
    candidates: e.candidates,
    maxPerAffiliation: e.maxPerAffiliation,
    continuingMembers: e.continuingMembers,
    tieBreakOrder,
  });
  result.winners = seats.winners.map((c) => ids[c]);
  result.ranking = tiers.map((t) => t.map((c) => ids[c]));
  result.pairwise = matrixRecord(d, ids);
  result.skippedForCap = seats.skippedForCap;
  result.tieBreaks = [...tieBreaks, ...seats.tieBreaks];
  return result;
}
