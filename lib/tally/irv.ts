// Instant runoff (single-winner alternative vote). Pure: no I/O.
import { baseResult } from "./result";
import { EXCLUDED, HOPEFUL, Lot, lookBack, prefLists, stvRanking, tieRecord } from "./stv-common";
import { TallyInputError, type CompiledElection, type CountRound, type TallyResult } from "./types";

/**
 * Counts an IRV election: each round every ballot counts for its highest-ranked
 * continuing candidate; a candidate with more than half of the continuing
 * (non-exhausted) votes wins; otherwise the candidate with the fewest votes is
 * excluded and the count starts again. Ties for exclusion go to the candidate
 * with fewer votes in the most recent earlier round where they differed, then to
 * lot (the TBRC); each is recorded.
 *
 * Equal rankings: a ballot whose highest continuing preference is a tie of k
 * continuing candidates gives each of them 1/k of its weight, so the ballot still
 * counts exactly once. To keep those shares exact, votes are counted in units of
 * 1/L of a ballot, L = lcm(1..largest tie), as integers; only elections with
 * fractional ballot weights (BLT) fall back to floating point, rounded to 9
 * decimals before votes are compared.
 */
export function countIrv(e: CompiledElection): TallyResult {
  if (e.seats > 1) throw new TallyInputError("irv elects one candidate; for several seats use stv-scottish or stv-meek");
  const result = baseResult(e);
  const set = e.ballots;
  const { n, groups, weights } = set;
  const ids = e.candidates.map((c) => c.id);
  const prefs = prefLists(set);
  const { start, cand, rank } = prefs;
  const lot = new Lot(set, ids, result.ballotHash);

  let maxTie = 1;
  for (let g = 0; g < groups; g++)
    for (let i = start[g], j = i; i < start[g + 1]; i = j) {
      while (j < start[g + 1] && rank[j] === rank[i]) j++;
      maxTie = Math.max(maxTie, j - i);
    }
  let unit = 1;
  for (let k = 2; k <= maxTie; k++) unit = lcm(unit, k);
  let total = 0;
  let whole = true;
  for (let g = 0; g < groups; g++) {
    total += weights[g];
    if (!Number.isInteger(weights[g])) whole = false;
  }
  const exact = whole && total * unit <= Number.MAX_SAFE_INTEGER;
  if (!exact) unit = 1;
  const tidy = exact ? (x: number) => x : (x: number) => Math.round(x * 1e9) / 1e9;

  const state = new Uint8Array(n);
  const excluded: number[] = [];
  const history: Float64Array[] = [];
  const rounds: CountRound[] = [];
  let winner = -1;

  for (let round = 1; winner < 0; round++) {
    const votes = new Float64Array(n);
    let exhausted = 0;
    for (let g = 0; g < groups; g++) {
      const end = start[g + 1];
      let i = start[g];
      if (i === end) continue; // an abstention is not an exhausted ballot
      const w = weights[g] * unit;
      let placed = false;
      while (i < end && !placed) {
        let j = i;
        let k = 0;
        while (j < end && rank[j] === rank[i]) {
          if (state[cand[j]] === HOPEFUL) k++;
          j++;
        }
        if (k > 0) {
          const share = w / k;
          for (let x = i; x < j; x++) if (state[cand[x]] === HOPEFUL) votes[cand[x]] += share;
          placed = true;
        }
        i = j;
      }
      if (!placed) exhausted += w;
    }
    for (let c = 0; c < n; c++) votes[c] = tidy(votes[c]);
    history.push(votes);

    const hopeful: number[] = [];
    let continuing = 0;
    for (let c = 0; c < n; c++)
      if (state[c] === HOPEFUL) {
        hopeful.push(c);
        continuing += votes[c];
      }
    const shown: Record<string, number> = {};
    for (const c of hopeful) shown[ids[c]] = votes[c] / unit;
    const record: CountRound = {
      stage: round,
      action: "",
      votes: shown,
      exhausted: tidy(exhausted) / unit,
      elected: [],
      excluded: [],
    };
    rounds.push(record);

    let top = hopeful[0];
    for (const c of hopeful) if (votes[c] > votes[top]) top = c;
    const half = `more than half of the ${fmt(continuing / unit)} continuing votes`;
    if (2 * votes[top] > continuing || hopeful.length === 1) {
      winner = top;
      record.elected.push(ids[top]);
      record.action =
        hopeful.length === 1 && !(2 * votes[top] > continuing)
          ? `${ids[top]} is the only candidate left and is elected`
          : `${ids[top]} has ${fmt(votes[top] / unit)}, ${half}, and is elected`;
      break;
    }

    let low = votes[hopeful[0]];
    for (const c of hopeful) if (votes[c] < low) low = votes[c];
    const tied = hopeful.filter((c) => votes[c] === low);
    let out = tied[0];
    if (tied.length > 1) {
      const decision = `exclusion in round ${round}`;
      // history[round - 1] is this round; the look-back starts at the round before.
      const back = lookBack(tied, history, round - 2, "lowest");
      if (back.left.length === 1) {
        out = back.left[0];
        const order = [...tied.filter((c) => c !== out).sort((a, b) => votes[b] - votes[a]), out];
        result.tieBreaks.push(
          tieRecord(ids, decision, tied, order, `fewest votes in round ${back.stages.join(", then round ")}, the most recent earlier round where they differed`),
        );
      } else {
        const order = lot.order(back.left);
        out = order[order.length - 1];
        const rule =
          (back.stages.length > 0 ? `earlier rounds narrowed the tie to ${back.left.map((c) => ids[c]).join(", ")}; then ` : "equal in every earlier round; ") +
          `${lot.rule}; the last in that order is excluded`;
        result.tieBreaks.push(tieRecord(ids, decision, back.left, order, rule));
      }
    }
    state[out] = EXCLUDED;
    excluded.push(out);
    record.excluded.push(ids[out]);
    record.action =
      `no candidate has ${half}; ${ids[out]} has the fewest (${fmt(votes[out] / unit)}) and is excluded` +
      (tied.length > 1 ? ` after a tie-break among ${tied.map((c) => ids[c]).join(", ")}` : "");
  }

  const last = history[history.length - 1];
  const standing: number[] = [];
  for (let c = 0; c < n; c++) if (state[c] === HOPEFUL && c !== winner) standing.push(c);
  result.winners = [ids[winner]];
  result.ranking = stvRanking(ids, [winner], standing, last, excluded);
  result.rounds = rounds;
  result.quota = null;
  return result;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(5)));
}
