import { compileElection } from "../compile";
import type { BallotSet, Candidate, CompiledElection, ContinuingMember, ElectionInput, Method, Strength, UnrankedRule } from "../types";

/**
 * What the command line (or the app) may set on top of a file. CSV and BLT carry
 * no rules at all, so for them these are the only source; for Hustings JSON they
 * override what the file says.
 */
export interface ElectionOptions {
  title?: string;
  seats?: number;
  method?: Method;
  unranked?: UnrankedRule;
  strength?: Strength;
  maxPerAffiliation?: number | null;
}

/**
 * Assembles a CompiledElection from a ballot set a parser built itself. The rules
 * go through compileElection with no ballots, so CSV and BLT files are held to
 * exactly the checks a JSON election gets (seats in range, known method, ...).
 */
export function compiledFromParts(
  candidates: Candidate[],
  ballots: BallotSet,
  opts: ElectionOptions & { continuingMembers?: ContinuingMember[] },
): CompiledElection {
  const meta = compileElection({
    title: opts.title,
    seats: opts.seats ?? 1,
    method: opts.method,
    unranked: opts.unranked,
    strength: opts.strength,
    maxPerAffiliation: opts.maxPerAffiliation ?? null,
    candidates,
    continuingMembers: opts.continuingMembers,
    ballots: [],
  });
  return { ...meta, ballots };
}

/** Drops undefined entries so a spread only overrides what was actually given. */
export function definedOnly(o: ElectionOptions): ElectionOptions {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as ElectionOptions;
}

/** Writers accept either form; the dense one is what exports start from. */
export type AnyElection = CompiledElection | ElectionInput;

export function isCompiled(e: AnyElection): e is CompiledElection {
  return typeof (e.ballots as BallotSet).n === "number" && (e.ballots as BallotSet).ranks instanceof Int32Array;
}

/** Tiers (best first) of candidate indices for each distinct ballot, with its weight. */
export function ballotRows(e: AnyElection): { tiers: number[][]; weight: number }[] {
  if (isCompiled(e)) {
    const { n, groups, ranks, weights } = e.ballots;
    const rows: { tiers: number[][]; weight: number }[] = [];
    for (let g = 0; g < groups; g++) {
      const tiers: number[][] = [];
      for (let c = 0; c < n; c++) {
        const r = ranks[g * n + c];
        if (r > 0) (tiers[r - 1] ??= []).push(c);
      }
      rows.push({ tiers: tiers.filter(Boolean), weight: weights[g] });
    }
    return rows;
  }
  const index = new Map(e.candidates.map((c, i) => [c.id, i]));
  return e.ballots.map((b) => ({
    tiers: b.ranking
      .map((t) =>
        t.map((id) => {
          const c = index.get(id);
          if (c === undefined) throw new Error(`unknown candidate "${id}" in a ballot`);
          return c;
        }),
      )
      .filter((t) => t.length > 0),
    weight: b.count ?? 1,
  }));
}

/** Numbers as people write them: integers plain, fractions without float noise. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toFixed(9)));
}
