import { createHash } from "node:crypto";
import type { BallotSet } from "./types";

/**
 * Collects ballots as rank vectors and folds identical ones together, so a
 * 100,000-ballot election with a few thousand distinct ballots is counted once
 * per distinct ballot. Ranks are normalised (1..k, no gaps) before folding, so
 * "1,3,3" and "1,2,2" are the same ballot.
 */
export class BallotSetBuilder {
  private readonly index = new Map<string, number>();
  private ranks: Int32Array;
  private weights: Float64Array;
  private groups = 0;
  private readonly scratch: Int32Array;
  private readonly order: number[];

  constructor(public readonly n: number, expectedGroups = 64) {
    this.ranks = new Int32Array(Math.max(1, expectedGroups) * n);
    this.weights = new Float64Array(Math.max(1, expectedGroups));
    this.scratch = new Int32Array(n);
    this.order = Array.from({ length: n }, (_, i) => i);
  }

  /** rank[c] = rank of candidate c (1 = best, 0 = unranked); gaps and equal ranks allowed. */
  add(rank: ArrayLike<number>, weight = 1): void {
    const n = this.n;
    const s = this.scratch;
    // Dense re-ranking: sort the distinct positive ranks and renumber them 1..k.
    let distinct = 0;
    const seen: number[] = [];
    for (let c = 0; c < n; c++) {
      const r = rank[c];
      if (r > 0 && !seen.includes(r)) {
        seen.push(r);
        distinct++;
      }
    }
    if (distinct > 0) seen.sort((a, b) => a - b);
    let key = "";
    for (let c = 0; c < n; c++) {
      const r = rank[c];
      const d = r > 0 ? seen.indexOf(r) + 1 : 0;
      s[c] = d;
      key += d < 10 ? String.fromCharCode(48 + d) : `(${d})`;
    }
    const g = this.index.get(key);
    if (g !== undefined) {
      this.weights[g] += weight;
      return;
    }
    if ((this.groups + 1) * n > this.ranks.length) this.grow();
    this.ranks.set(s, this.groups * n);
    this.weights[this.groups] = weight;
    this.index.set(key, this.groups);
    this.groups++;
  }

  private grow(): void {
    const cap = Math.max(this.weights.length * 2, 16);
    const r = new Int32Array(cap * this.n);
    r.set(this.ranks);
    const w = new Float64Array(cap);
    w.set(this.weights);
    this.ranks = r;
    this.weights = w;
  }

  build(): BallotSet {
    return {
      n: this.n,
      groups: this.groups,
      ranks: this.ranks.slice(0, this.groups * this.n),
      weights: this.weights.slice(0, this.groups),
    };
  }

  get candidateOrder(): readonly number[] {
    return this.order;
  }
}

/** Tiers (best first) of candidate indices on distinct ballot g. */
export function ballotTiers(set: BallotSet, g: number): number[][] {
  const tiers: number[][] = [];
  const base = g * set.n;
  for (let c = 0; c < set.n; c++) {
    const r = set.ranks[base + c];
    if (r > 0) (tiers[r - 1] ??= []).push(c);
  }
  return tiers.filter((t) => t !== undefined);
}

export function totalWeight(set: BallotSet): number {
  let t = 0;
  for (let g = 0; g < set.groups; g++) t += set.weights[g];
  return t;
}

export function abstentionWeight(set: BallotSet): number {
  let t = 0;
  for (let g = 0; g < set.groups; g++) {
    let any = false;
    for (let c = 0, b = g * set.n; c < set.n; c++) if (set.ranks[b + c] > 0) { any = true; break; }
    if (!any) t += set.weights[g];
  }
  return t;
}

/**
 * The canonical text of a ballot set, which the ballot hash is taken over. It
 * is independent of ballot order and of how identical ballots were grouped:
 *
 *   hustings-ballots-v1
 *   candidates <id> <id> ...            (ids sorted by code unit)
 *   <weight> <tiers>                    (one line per distinct ballot, lines sorted)
 *
 * where <tiers> writes tiers best first separated by ">", tied ids by "=";
 * ballots that rank nobody are left out. Anyone can rebuild it from the published
 * ballots and check the hash with `sha256sum`.
 */
export function canonicalBallotText(set: BallotSet, ids: readonly string[]): string {
  const sortedIds = [...ids].sort();
  const lines = new Map<string, number>();
  for (let g = 0; g < set.groups; g++) {
    const tiers = ballotTiers(set, g).map((t) => t.map((c) => ids[c]).sort().join("="));
    // Abstentions carry no preference: leaving them out means an empty ballot
    // can never change a tie-break, let alone a result.
    if (tiers.length === 0) continue;
    const text = tiers.join(">");
    lines.set(text, (lines.get(text) ?? 0) + set.weights[g]);
  }
  const body = [...lines.entries()].map(([t, w]) => `${w} ${t}`).sort();
  return ["hustings-ballots-v1", `candidates ${sortedIds.join(" ")}`, ...body].join("\n") + "\n";
}

export function ballotHash(set: BallotSet, ids: readonly string[]): string {
  return createHash("sha256").update(canonicalBallotText(set, ids)).digest("hex");
}
