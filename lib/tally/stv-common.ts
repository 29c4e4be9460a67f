// What IRV, Scottish STV and Meek STV share: the ballots as preference lists,
// candidate states, the affiliation cap as an exclusion, tie-breaking by lot
// (the TBRC) and the final ranking. Pure: no I/O.
import { normaliseAffiliation } from "./fill-seats";
import { TBRC_RULE, tieBreakingRanking } from "./tiebreak";
import type { BallotSet, CapSkip, CompiledElection, TieBreak } from "./types";

export const HOPEFUL = 0;
export const ELECTED = 1;
export const EXCLUDED = 2;

/**
 * Every distinct ballot's ranked candidates, best first, in one flat array:
 * ballot g owns cand[start[g] .. start[g+1]), and rank[i] is the rank of cand[i],
 * so a tier (equal ranking) is a run of equal rank values. Built once so the counts
 * walk preferences in order instead of searching the dense rank matrix.
 */
export interface PrefLists {
  start: Int32Array;
  cand: Int32Array;
  rank: Int32Array;
}

export function prefLists(set: BallotSet): PrefLists {
  const { n, groups, ranks } = set;
  const start = new Int32Array(groups + 1);
  let total = 0;
  for (let g = 0; g < groups; g++) {
    start[g] = total;
    for (let c = 0, b = g * n; c < n; c++) if (ranks[b + c] > 0) total++;
  }
  start[groups] = total;
  const cand = new Int32Array(total);
  const rank = new Int32Array(total);
  const count = new Int32Array(n + 2);
  for (let g = 0; g < groups; g++) {
    // Counting sort by rank: ranks are normalised to 1..k with k <= n.
    const b = g * n;
    count.fill(0);
    for (let c = 0; c < n; c++) {
      const r = ranks[b + c];
      if (r > 0) count[r]++;
    }
    let acc = start[g];
    for (let r = 1; r <= n; r++) {
      const k = count[r];
      count[r] = acc;
      acc += k;
    }
    for (let c = 0; c < n; c++) {
      const r = ranks[b + c];
      if (r > 0) {
        const i = count[r]++;
        cand[i] = c;
        rank[i] = r;
      }
    }
  }
  return { start, cand, rank };
}

/**
 * Lot, as every rule here means it: the tie-breaking ranking of candidates
 * seeded from the ballot hash, so anyone can repeat the draw. Computed only when a
 * count actually needs it: on 100,000 distinct ballots it is the dearest step.
 */
export class Lot {
  private position: Int32Array | null = null;
  constructor(
    private readonly set: BallotSet,
    private readonly ids: readonly string[],
    private readonly hash: string,
  ) {}

  /** The candidates most favoured first. */
  order(cands: readonly number[]): number[] {
    if (this.position === null) this.position = tieBreakingRanking(this.set, this.ids, this.hash).position;
    const pos = this.position;
    return [...cands].sort((a, b) => pos[a] - pos[b]);
  }

  readonly rule = TBRC_RULE;
}

/**
 * The affiliation cap as STV applies it: once an affiliation holds K seats
 * (continuing members whose seats are not up count), its remaining candidates
 * are excluded from the count at that point, so their papers transfer like any
 * exclusion rather than a seat being skipped after the fact. Keys as in
 * fill-seats: trimmed, case-folded, and "", "none" or null never capped.
 */
export class StvCap {
  private readonly held = new Map<string, number>();
  private readonly continuing = new Map<string, number>();
  private readonly keys: (string | null)[];

  constructor(private readonly e: CompiledElection) {
    this.keys = e.candidates.map((c) => normaliseAffiliation(c.affiliation));
    for (const m of e.continuingMembers) {
      const key = normaliseAffiliation(m.affiliation);
      if (key === null) continue;
      this.held.set(key, (this.held.get(key) ?? 0) + 1);
      this.continuing.set(key, (this.continuing.get(key) ?? 0) + 1);
    }
  }

  get active(): boolean {
    return this.e.maxPerAffiliation !== null;
  }

  isFull(c: number): boolean {
    const key = this.keys[c];
    const max = this.e.maxPerAffiliation;
    return key !== null && max !== null && (this.held.get(key) ?? 0) >= max;
  }

  seat(c: number): void {
    const key = this.keys[c];
    if (key !== null) this.held.set(key, (this.held.get(key) ?? 0) + 1);
  }

  /** The skippedForCap record for candidate c, excluded at `stage`. */
  skip(c: number, stage: number, what: string): CapSkip {
    const cand = this.e.candidates[c];
    const affiliation = (cand.affiliation ?? "").trim();
    const key = this.keys[c] ?? "";
    const held = this.held.get(key) ?? 0;
    const cont = this.continuing.get(key) ?? 0;
    const incl =
      cont === 0 ? "" : cont === 1 ? ", 1 of them by a continuing member" : `, ${cont} of them by continuing members`;
    return {
      candidate: cand.id,
      affiliation,
      seat: stage,
      reason:
        `affiliation "${affiliation}" already holds ${held} seat${held === 1 ? "" : "s"}${incl}, ` +
        `the most allowed (${this.e.maxPerAffiliation}); excluded at ${what}, ` +
        `so their ballots pass to the next preferences`,
    };
  }
}

/**
 * The STV/IRV ranking: the elected in order of election, then the candidates
 * still standing at the end by their last votes (equal votes share a tier), then
 * the excluded, last excluded first.
 */
export function stvRanking(
  ids: readonly string[],
  elected: readonly number[],
  standing: readonly number[],
  lastVotes: ArrayLike<number>,
  excluded: readonly number[],
): string[][] {
  const tiers: string[][] = elected.map((c) => [ids[c]]);
  const rest = [...standing].sort((a, b) => lastVotes[b] - lastVotes[a] || a - b);
  for (let i = 0; i < rest.length; ) {
    let j = i + 1;
    while (j < rest.length && lastVotes[rest[j]] === lastVotes[rest[i]]) j++;
    tiers.push(rest.slice(i, j).map((c) => ids[c]));
    i = j;
  }
  for (let i = excluded.length - 1; i >= 0; i--) tiers.push([ids[excluded[i]]]);
  return tiers;
}

/**
 * Breaks a tie by looking back over earlier stages, most recent first (Scottish
 * rules 49(2) and 51(2)(a); IRV's "prior-round totals"). At the most recent stage
 * where the tied candidates' votes were not all equal, only those at the extreme
 * stay in the tie; if that leaves several, the look-back continues from the stage
 * before with them. Returns the survivors (one when the history decides) and the
 * stages that narrowed the tie.
 */
export function lookBack(
  tied: readonly number[],
  history: readonly ArrayLike<number>[],
  fromStage: number,
  pick: "lowest" | "highest",
): { left: number[]; stages: number[] } {
  let left = [...tied];
  const stages: number[] = [];
  for (let s = fromStage; s >= 0 && left.length > 1; s--) {
    const v = history[s];
    let best = v[left[0]];
    for (const c of left) if (pick === "lowest" ? v[c] < best : v[c] > best) best = v[c];
    const next = left.filter((c) => v[c] === best);
    if (next.length < left.length) {
      left = next;
      stages.push(s + 1);
    }
  }
  return { left, stages };
}

export function tieRecord(
  ids: readonly string[],
  decision: string,
  among: readonly number[],
  order: readonly number[],
  rule: string,
): TieBreak {
  return { decision, among: among.map((c) => ids[c]), order: order.map((c) => ids[c]), rule };
}
