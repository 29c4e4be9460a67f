import { createHash } from "node:crypto";
import type { BallotSet } from "./types";

/**
 * The tie-breaking ranking of candidates (TBRC, Tideman / Schulze): a strict
 * order of all candidates built from ballots drawn "at random", where the
 * randomness is a SHA-256 stream seeded by the published ballot hash, so anyone
 * can repeat the draw.
 *
 * Draw k (k = 0, 1, ...): h = SHA-256("<ballotHash>:draw:<k>"); r = the first 13
 * hex digits of h as an integer, divided by 16^13; the drawn ballot is the one
 * whose cumulative weight interval, over the distinct ballots in canonical order
 * (see canonicalBallotText), contains r × total weight. Candidates still tied in
 * the order built so far are split by the drawn ballot's preferences. After
 * every distinct ballot has been drawn once (or 64 draws), remaining ties are
 * split by SHA-256("<ballotHash>:<candidate id>"), smallest first.
 */
export interface TieBreakOrder {
  /** position[c] = place of candidate c in the TBRC, 0 = most favoured. */
  position: Int32Array;
  /** Candidate indices best first. */
  order: number[];
  /** The distinct-ballot tiers drawn, for the report. */
  draws: string[];
}

export function tieBreakingRanking(set: BallotSet, ids: readonly string[], hash: string): TieBreakOrder {
  const n = set.n;
  // Canonical order of distinct ballots: by their tier text, as in the canonical ballot file.
  const texts: { g: number; text: string }[] = [];
  for (let g = 0; g < set.groups; g++) {
    const tiers: string[][] = [];
    for (let c = 0; c < n; c++) {
      const r = set.ranks[g * n + c];
      if (r > 0) (tiers[r - 1] ??= []).push(ids[c]);
    }
    const t = tiers.filter(Boolean).map((x) => x.sort().join("=")).join(">");
    if (t !== "") texts.push({ g, text: t });
  }
  texts.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  let total = 0;
  for (const t of texts) total += set.weights[t.g];

  // Groups of still-tied candidates, best group first.
  let groups: number[][] = [Array.from({ length: n }, (_, i) => i)];
  const draws: string[] = [];
  const maxDraws = Math.min(texts.length, 64);
  for (let k = 0; k < maxDraws && groups.some((grp) => grp.length > 1) && total > 0; k++) {
    const h = createHash("sha256").update(`${hash}:draw:${k}`).digest("hex");
    const r = (parseInt(h.slice(0, 13), 16) / 16 ** 13) * total;
    let acc = 0;
    let pick = texts[texts.length - 1];
    for (const t of texts) {
      acc += set.weights[t.g];
      if (r < acc) {
        pick = t;
        break;
      }
    }
    draws.push(pick.text);
    const base = pick.g * n;
    const split: number[][] = [];
    for (const grp of groups) {
      if (grp.length === 1) {
        split.push(grp);
        continue;
      }
      // Ranked before unranked; unranked stay tied with each other.
      const byRank = new Map<number, number[]>();
      for (const c of grp) {
        const rank = set.ranks[base + c] || Number.MAX_SAFE_INTEGER;
        (byRank.get(rank) ?? byRank.set(rank, []).get(rank)!).push(c);
      }
      for (const rank of [...byRank.keys()].sort((a, b) => a - b)) split.push(byRank.get(rank)!);
    }
    groups = split;
  }
  const order: number[] = [];
  for (const grp of groups) {
    if (grp.length === 1) order.push(grp[0]);
    else order.push(...lotOrder(grp, ids, hash));
  }
  const position = new Int32Array(n);
  order.forEach((c, i) => (position[c] = i));
  return { position, order, draws };
}

/** Lot: order candidates by SHA-256("<hash>:<id>") ascending. */
export function lotOrder(cands: readonly number[], ids: readonly string[], hash: string): number[] {
  const key = new Map(cands.map((c) => [c, createHash("sha256").update(`${hash}:${ids[c]}`).digest("hex")]));
  return [...cands].sort((a, b) => (key.get(a)! < key.get(b)! ? -1 : 1));
}

export const TBRC_RULE =
  "tie-breaking ranking of candidates (TBRC): ballots drawn by SHA-256(ballotHash:draw:k), then SHA-256(ballotHash:id) for what they leave tied";
