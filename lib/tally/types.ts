// The one ballot model every counting method shares. Kept free of I/O so the
// web app, the CLI and the tests all count with exactly the same code.

export const METHODS = ["schulze", "ranked-pairs", "irv", "stv-scottish", "stv-meek"] as const;
export type Method = (typeof METHODS)[number];

/**
 * How a ballot treats candidates it leaves unranked.
 * - exclude: "no opinion" (CIVS, Elekto): the ballot says nothing about them either way.
 * - last: below every ranked candidate, tied among themselves (Debian).
 * STV and IRV ignore this: an unranked candidate simply never receives that ballot.
 */
export const UNRANKED_RULES = ["exclude", "last"] as const;
export type UnrankedRule = (typeof UNRANKED_RULES)[number];

/** Strength of a pairwise defeat for Schulze / Ranked Pairs. */
export const STRENGTHS = ["winning", "margins"] as const;
export type Strength = (typeof STRENGTHS)[number];

export interface Candidate {
  id: string;
  name: string;
  /** Company affiliation; null or "" means none, which is never capped. */
  affiliation?: string | null;
}

export interface ContinuingMember {
  name: string;
  affiliation: string;
}

/** Identical ballots grouped: tiers best first; a candidate absent from every tier is unranked. */
export interface BallotGroup {
  ranking: string[][];
  count: number;
}

/** The election as people write it (Hustings JSON, PRODUCT §8), before validation. */
export interface ElectionInput {
  title?: string;
  seats: number;
  method?: Method;
  unranked?: UnrankedRule;
  strength?: Strength;
  maxPerAffiliation?: number | null;
  candidates: Candidate[];
  continuingMembers?: ContinuingMember[];
  ballots: BallotGroup[];
}

/**
 * Distinct ballots in a dense form, so counting never touches strings.
 * ranks[g * n + c] is the rank candidate c got on distinct ballot g: 1 = best, equal
 * numbers are a tie, 0 = unranked. Ranks are normalised to 1..k with no gaps.
 * weights[g] is how many voters cast that ballot (BLT allows non-integer weights).
 */
export interface BallotSet {
  n: number;
  groups: number;
  ranks: Int32Array;
  weights: Float64Array;
}

/** A validated election ready to count: everything the methods need, nothing more. */
export interface CompiledElection {
  title: string;
  seats: number;
  method: Method;
  unranked: UnrankedRule;
  strength: Strength;
  /** null = no cap. */
  maxPerAffiliation: number | null;
  candidates: Candidate[];
  continuingMembers: ContinuingMember[];
  ballots: BallotSet;
  /**
   * Supplies the ballot hash when the caller computes it elsewhere: the CLI
   * hashes on a second thread while this one counts. Called at most once, when
   * the result is assembled (Schulze and Ranked Pairs build the pairwise matrix
   * first, so the two overlap); it must return ballotHash(ballots, candidate ids).
   * Absent, the hash is computed in place.
   */
  ballotHash?: () => string;
}

/** One seat the affiliation cap took from a candidate. */
export interface CapSkip {
  candidate: string;
  affiliation: string;
  /** Seat number (1-based) the candidate would otherwise have taken, or the STV stage. */
  seat: number;
  reason: string;
}

/** One tie the count had to break, written so a person can repeat it by hand. */
export interface TieBreak {
  /** What was being decided: "seat 2", "exclusion at stage 3", "locking order of pairs" ... */
  decision: string;
  among: string[];
  /** Candidates in the order the rule put them, first = favoured. */
  order: string[];
  rule: string;
}

/** One stage of an STV / IRV count. Votes are per candidate id; strings keep exact decimals. */
export interface CountRound {
  stage: number;
  action: string;
  votes: Record<string, number>;
  exhausted: number;
  elected: string[];
  excluded: string[];
  quota?: number;
}

export interface TallyResult {
  title: string;
  method: Method;
  seats: number;
  unranked: UnrankedRule;
  strength: Strength | null;
  maxPerAffiliation: number | null;
  candidates: Candidate[];
  /** Total weight of ballots cast, abstentions included. */
  ballots: number;
  /** Ballots that rank nobody. */
  abstentions: number;
  winners: string[];
  /** Tiers best first; for STV/IRV, the order of election then the order of exclusion reversed. */
  ranking: string[][];
  pairwise: Record<string, Record<string, number>>;
  strongestPaths: Record<string, Record<string, number>> | null;
  skippedForCap: CapSkip[];
  tieBreaks: TieBreak[];
  /** Hex SHA-256 over the canonical ballot set; seeds every tie-break. */
  ballotHash: string;
  quota: number | null;
  rounds: CountRound[] | null;
}

export class TallyInputError extends Error {
  constructor(
    message: string,
    /** 1-based line in the source file, when known. */
    public readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = "TallyInputError";
  }
}
