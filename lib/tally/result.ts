import { abstentionWeight, ballotHash, totalWeight } from "./ballot-set";
import type { CompiledElection, TallyResult } from "./types";

/** The fields every method reports the same way; methods fill in the rest. */
export function baseResult(e: CompiledElection): TallyResult {
  const ids = e.candidates.map((c) => c.id);
  return {
    title: e.title,
    method: e.method,
    seats: e.seats,
    unranked: e.unranked,
    strength: e.method === "schulze" || e.method === "ranked-pairs" ? e.strength : null,
    maxPerAffiliation: e.maxPerAffiliation,
    candidates: e.candidates,
    ballots: totalWeight(e.ballots),
    abstentions: abstentionWeight(e.ballots),
    winners: [],
    ranking: [],
    pairwise: {},
    strongestPaths: null,
    skippedForCap: [],
    tieBreaks: [],
    ballotHash: e.ballotHash ? e.ballotHash() : ballotHash(e.ballots, ids),
    quota: null,
    rounds: null,
  };
}
