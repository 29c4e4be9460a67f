import type { CompiledElection } from "../types";
import { ballotRows } from "./common";

/** The ballots of a compiled election as sorted "weight a>b=c" lines, abstentions included. */
export function ballotLines(e: CompiledElection): string[] {
  const ids = e.candidates.map((c) => c.id);
  return ballotRows(e)
    .map((r) => `${r.weight} ${r.tiers.map((t) => t.map((c) => ids[c]).sort().join("=")).join(">")}`.trim())
    .sort();
}

/** Runs fn and returns the error it throws, so tests can check both message and line. */
export function thrown(fn: () => unknown): Error & { line?: number } {
  try {
    fn();
  } catch (err) {
    return err as Error & { line?: number };
  }
  throw new Error("expected an error");
}
