// The counting engine's front door: one call, whatever the method.
import { compileElection } from "./compile";
import { countSchulze } from "./schulze";
import { countRankedPairs } from "./ranked-pairs";
import { countIrv } from "./irv";
import { countScottishStv } from "./stv-scottish";
import { countMeekStv } from "./stv-meek";
import type { CompiledElection, ElectionInput, TallyResult } from "./types";

export * from "./types";
export { compileElection } from "./compile";
export { ballotHash, canonicalBallotText, BallotSetBuilder } from "./ballot-set";

export function tallyCompiled(e: CompiledElection): TallyResult {
  switch (e.method) {
    case "schulze":
      return countSchulze(e);
    case "ranked-pairs":
      return countRankedPairs(e);
    case "irv":
      return countIrv(e);
    case "stv-scottish":
      return countScottishStv(e);
    case "stv-meek":
      return countMeekStv(e);
  }
}

export function tally(input: ElectionInput): TallyResult {
  return tallyCompiled(compileElection(input));
}
