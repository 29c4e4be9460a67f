// Single transferable vote under the Scottish Local Government Elections Order
// 2007 (SSI 2007/42), schedule 1, rules 45-52. Pure: no I/O.
import { baseResult } from "./result";
import {
  ELECTED,
  EXCLUDED,
  HOPEFUL,
  Lot,
  StvCap,
  lookBack,
  prefLists,
  stvRanking,
  tieRecord,
} from "./stv-common";
import type { CompiledElection, CountRound, TallyResult } from "./types";

/**
 * Votes are kept as integers of 1/100,000 of a vote: rule 48(3) makes every
 * transfer value exact to five decimal places ("any remainder being ignored"),
 * so integer arithmetic reproduces a statutory count to the last digit, where
 * floating point would drift.
 */
export const SCOTTISH_UNIT = 100_000;

/**
 * floor(a * b / c) for the rule 48(3) transfer value, exact for whole numbers:
 * the floating-point quotient can round up across an integer, so it is checked
 * and corrected, and products beyond 2^53 go through BigInt.
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (!(Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(c))) return Math.floor(p / c);
  if (p > Number.MAX_SAFE_INTEGER) return Number((BigInt(a) * BigInt(b)) / BigInt(c));
  let q = Math.floor(p / c);
  while (q * c > p) q--;
  while ((q + 1) * c <= p) q++;
  return q;
}

/**
 * Counts an election under the Scottish rules:
 * - rule 46: quota = floor(valid ballots / (seats + 1)) + 1;
 * - rule 47: a candidate whose votes equal or exceed the quota is elected;
 * - rules 48-49: the largest surplus is transferred first, by the weighted
 *   inclusive Gregory method: every paper the candidate holds passes on at
 *   (its value x surplus / candidate's votes), truncated to 5 decimals; the
 *   candidate keeps the quota. Equal surpluses: rule 49(2) look-back, then lot;
 * - rules 50-51: with no surplus left, the candidate with the fewest votes is
 *   excluded and all their papers pass on at their current values. Equal lowest:
 *   rule 51(2)(a) look-back, then lot;
 * - rule 52: once the continuing candidates are no more than the seats left,
 *   they are all elected and nothing more is transferred.
 *
 * Lot is the TBRC (see tiebreak.ts); every tie-break is recorded.
 *
 * Beyond the Order:
 * - equal rankings: a paper whose next available preference is a tie of k
 *   continuing candidates is split into k papers of value/k each (truncated to 5
 *   decimals like a transfer value, the remainder lost); each part later moves on
 *   from below that tie, never to the other tied candidates, who had their share;
 * - the affiliation cap: once an affiliation holds maxPerAffiliation seats
 *   (continuing members included), its continuing candidates are excluded at that
 *   point, their papers transferred at the next stage as an exclusion, and listed
 *   in skippedForCap. A candidate reaching the quota when their affiliation is
 *   already full is excluded the same way.
 * - look-backs over three or more tied candidates keep only those at the
 *   extreme at the most recent differing stage and look further back among them.
 */
export function countScottishStv(e: CompiledElection): TallyResult {
  const result = baseResult(e);
  const UNIT = SCOTTISH_UNIT;
  const set = e.ballots;
  const { n, groups, weights } = set;
  const ids = e.candidates.map((c) => c.id);
  const { start, cand, rank } = prefLists(set);
  const lot = new Lot(set, ids, result.ballotHash);
  const cap = new StvCap(e);

  const valid = result.ballots - result.abstentions;
  const quota = Math.floor(valid / (e.seats + 1)) + 1; // rule 46
  const quotaU = quota * UNIT;
  result.quota = quota;

  const state = new Uint8Array(n);
  const votes = new Float64Array(n);
  const piles: number[][] = Array.from({ length: n }, () => []);
  // Parcels of identical papers: distinct ballot, flat index of the tier the paper
  // sits at, value of one paper (units), number of papers.
  const pBallot: number[] = [];
  const pAt: number[] = [];
  const pValue: number[] = [];
  const pCount: number[] = [];
  let exhausted = 0;
  let lost = 0;

  const elected: number[] = [];
  const excluded: number[] = [];
  const pendingCap: number[] = [];
  const history: Float64Array[] = [];
  const rounds: CountRound[] = [];

  /** Gives a paper to the continuing candidate(s) at the first tier from `from` that has any. */
  function place(g: number, from: number, value: number, count: number): void {
    const end = start[g + 1];
    for (let i = from; i < end; ) {
      let j = i;
      let k = 0;
      while (j < end && rank[j] === rank[i]) {
        if (state[cand[j]] === HOPEFUL) k++;
        j++;
      }
      if (k > 0) {
        const share = k === 1 ? value : Math.floor(value / k);
        lost += (value - share * k) * count;
        if (share === 0) return;
        for (let x = i; x < j; x++) {
          const c = cand[x];
          if (state[c] !== HOPEFUL) continue;
          piles[c].push(pBallot.length);
          pBallot.push(g);
          pAt.push(i);
          pValue.push(share);
          pCount.push(count);
          votes[c] += share * count;
        }
        return;
      }
      i = j;
    }
    exhausted += value * count; // non-transferable: no further continuing preference
  }

  /** Flat index of the tier after the one parcel p sits at. */
  function below(p: number): number {
    const end = start[pBallot[p] + 1];
    let i = pAt[p];
    const r = rank[i];
    while (i < end && rank[i] === r) i++;
    return i;
  }

  const seatsLeft = () => e.seats - elected.length;
  const hopefuls = () => {
    const h: number[] = [];
    for (let c = 0; c < n; c++) if (state[c] === HOPEFUL) h.push(c);
    return h;
  };

  /**
   * Orders candidates by current votes, most first; equal votes by the look-back
   * (rule 49(2) in spirit), then lot. Records the tie-break when one was needed
   * and `decides` says the order matters (not merely who is listed first).
   */
  function byVotesDesc(cs: number[], decision: string, decides = true): number[] {
    const sorted = [...cs].sort((a, b) => votes[b] - votes[a]);
    const out: number[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i + 1;
      while (j < sorted.length && votes[sorted[j]] === votes[sorted[i]]) j++;
      const tied = sorted.slice(i, j);
      out.push(...(tied.length > 1 ? breakTie(tied, "highest", decision, decides) : tied));
      i = j;
    }
    return out;
  }

  /**
   * Rules 49(2)-(3) and 51(2): the most recent earlier stage at which the tied
   * candidates' votes differed decides, else lot. Returns them favoured first
   * (most votes first for "highest", the one to exclude last for "lowest").
   */
  function breakTie(tied: number[], pick: "highest" | "lowest", decision: string, decides = true): number[] {
    const ruleNo = pick === "highest" ? "49(2)" : "51(2)(a)";
    const lotNo = pick === "highest" ? "49(3)" : "51(2)(b)";
    const ordered: number[] = [];
    let left = [...tied];
    const rules: string[] = [];
    // Peel off the decided candidate one at a time, so a three-way tie is fully ordered.
    while (left.length > 1) {
      const back = lookBack(left, history, history.length - 2, pick);
      let chosen: number;
      if (back.left.length === 1) {
        chosen = back.left[0];
        rules.push(`${ids[chosen]}: ${pick === "highest" ? "more" : "fewer"} votes at stage ${back.stages.join(", then stage ")} (rule ${ruleNo})`);
      } else {
        const order = lot.order(back.left);
        chosen = pick === "highest" ? order[0] : order[order.length - 1];
        rules.push(`${ids[chosen]}: by lot among ${back.left.map((c) => ids[c]).join(", ")} (rule ${lotNo}: ${lot.rule})`);
      }
      ordered.push(chosen);
      left = left.filter((c) => c !== chosen);
      if (pick === "lowest") break; // only one candidate is excluded at a time
    }
    const order =
      pick === "highest" ? [...ordered, ...left] : [...left.sort((a, b) => a - b), ...ordered];
    if (decides) result.tieBreaks.push(tieRecord(ids, decision, tied, order, rules.join("; ")));
    return order;
  }

  const actions: string[] = [];

  /** Rule 47, then the affiliation cap: who is elected or shut out at the end of a stage. */
  function endOfStage(stage: number, record: CountRound): void {
    const reached = hopefuls().filter((c) => votes[c] >= quotaU);
    // The order among candidates elected together decides something only when
    // they outnumber the seats left or the cap may shut some of them out.
    const decides = cap.active || reached.length > seatsLeft();
    for (const c of byVotesDesc(reached, `order of election at stage ${stage}`, decides)) {
      if (seatsLeft() <= 0) break;
      if (cap.isFull(c)) {
        capOut(c, stage, record);
        continue;
      }
      state[c] = ELECTED;
      elected.push(c);
      cap.seat(c);
      record.elected.push(ids[c]);
      actions.push(`${ids[c]} reaches the quota and is elected`);
    }
    if (cap.active) for (const c of hopefuls()) if (cap.isFull(c)) capOut(c, stage, record);
  }

  function capOut(c: number, stage: number, record: CountRound): void {
    state[c] = EXCLUDED;
    excluded.push(c);
    pendingCap.push(c);
    result.skippedForCap.push(cap.skip(c, stage, `stage ${stage}`));
    record.excluded.push(ids[c]);
    actions.push(`${ids[c]} is excluded by the affiliation cap`);
  }

  function snapshot(stage: number, action: string, all: boolean): CountRound {
    history.push(Float64Array.from(votes));
    const shown: Record<string, number> = {};
    for (let c = 0; c < n; c++) if (all || state[c] !== EXCLUDED) shown[ids[c]] = votes[c] / UNIT;
    const record: CountRound = { stage, action, votes: shown, exhausted: exhausted / UNIT, elected: [], excluded: [] };
    rounds.push(record);
    return record;
  }

  function finish(record: CountRound): void {
    if (actions.length) record.action += "; " + actions.join("; ");
    actions.length = 0;
  }

  // Rule 45: first preferences.
  for (let g = 0; g < groups; g++) if (start[g + 1] > start[g]) place(g, start[g], UNIT, weights[g]);
  let stage = 1;
  let record = snapshot(stage, `first preferences; quota ${quota} (rule 46)`, true);
  if (lost > 0) record.action += `; ${fmtU(lost)} lost splitting equal rankings`;
  endOfStage(stage, record);
  finish(record);

  // Rule 52: stop once the continuing candidates cannot outnumber the seats left.
  while (seatsLeft() > 0 && hopefuls().length > seatsLeft()) {
    stage++;
    const lostBefore = lost;
    const exhaustedBefore = exhausted;
    let action: string;
    let excludedNow = -1;
    if (pendingCap.length > 0) {
      const c = pendingCap.shift()!;
      for (const p of piles[c]) place(pBallot[p], below(p), pValue[p], pCount[p]);
      action = `transfer of ${ids[c]}'s ${fmtU(votes[c])} votes at their current values (excluded by the affiliation cap)`;
      votes[c] = 0;
      piles[c] = [];
    } else {
      const surplus = elected.filter((c) => votes[c] > quotaU);
      if (surplus.length > 0) {
        // Rule 49(1): largest surplus first.
        const c = byVotesDesc(surplus, `order of surplus transfers at stage ${stage}`)[0];
        const s = votes[c] - quotaU;
        const t = votes[c];
        let passed = 0;
        for (const p of piles[c]) {
          const v = mulDivFloor(pValue[p], s, t); // rule 48(3)
          passed += v * pCount[p];
          if (v > 0) place(pBallot[p], below(p), v, pCount[p]);
        }
        lost += s - passed;
        votes[c] = quotaU;
        piles[c] = [];
        action = `transfer of ${ids[c]}'s surplus of ${fmtU(s)} (rule 48: each paper at its value x ${fmtU(s)} / ${fmtU(t)}, to 5 decimals)`;
      } else {
        // Rule 50: exclude the lowest; rule 51 for ties.
        const h = hopefuls();
        let low = votes[h[0]];
        for (const c of h) if (votes[c] < low) low = votes[c];
        const tied = h.filter((c) => votes[c] === low);
        const c = tied.length > 1 ? breakTie(tied, "lowest", `exclusion at stage ${stage}`).at(-1)! : tied[0];
        state[c] = EXCLUDED;
        excluded.push(c);
        // Rule 50(4): papers pass on at the value they had when this candidate received them.
        for (const p of piles[c]) place(pBallot[p], below(p), pValue[p], pCount[p]);
        action = `${ids[c]} has the fewest votes (${fmtU(votes[c])}) and is excluded; papers transferred at their current values (rule 50)`;
        if (tied.length > 1) action += ` after a tie-break among ${tied.map((x) => ids[x]).join(", ")} (rule 51)`;
        votes[c] = 0;
        piles[c] = [];
        excludedNow = c;
      }
    }
    if (exhausted > exhaustedBefore) action += `; ${fmtU(exhausted - exhaustedBefore)} non-transferable`;
    if (lost > lostBefore) action += `; ${fmtU(lost - lostBefore)} lost to truncation`;
    record = snapshot(stage, action, false);
    if (excludedNow >= 0) record.excluded.push(ids[excludedNow]);
    endOfStage(stage, record);
    finish(record);
  }

  // Rule 52(1): the continuing candidates fill the seats left.
  const rest = byVotesDesc(hopefuls(), "order of election of the remaining candidates", cap.active);
  for (const c of rest) {
    if (seatsLeft() <= 0) break;
    if (cap.isFull(c)) {
      capOut(c, stage, record);
      continue;
    }
    state[c] = ELECTED;
    elected.push(c);
    cap.seat(c);
    record.elected.push(ids[c]);
    actions.push(`${ids[c]} is elected as the continuing candidates no longer outnumber the seats left (rule 52)`);
  }
  finish(record);

  result.winners = elected.map((c) => ids[c]);
  result.ranking = stvRanking(ids, elected, hopefuls(), votes, excluded);
  result.rounds = rounds;
  return result;
}

function fmtU(units: number): string {
  return String(Number((units / SCOTTISH_UNIT).toFixed(5)));
}
