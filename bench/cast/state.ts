// What the bench's phases share: the target of the requests, the seeded
// voters handed out one by one, and every receipt returned (checked against
// the database at the end).

export interface Voter {
  id: string;
  login: string;
  cookie: string;
}

export const run = {
  /** castBallotAction's id in the build's server-reference manifest. */
  actionId: "",
  pathname: "",
  routerState: "",
  electionId: "",
  candidateIds: [] as string[],
  voters: [] as Voter[],
  nextVoter: 0,
  ballotsSoFar: 0,
  receipts: [] as { voter: string; receipt: string }[],
};

export function takeVoter(): Voter {
  if (run.nextVoter >= run.voters.length) throw new Error("ran out of seeded voters; raise BENCH_VOTERS");
  return run.voters[run.nextVoter++];
}

export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
