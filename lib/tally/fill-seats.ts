import { TBRC_RULE } from "./tiebreak";
import type { Candidate, CapSkip, ContinuingMember, TieBreak } from "./types";

/**
 * The key an affiliation is capped under: trimmed and case-folded, so "ACME",
 * " Acme " and "acme" are one company. null means "no affiliation", which is never
 * capped ("", "none" and missing all mean that).
 */
export function normaliseAffiliation(a: string | null | undefined): string | null {
  if (a === null || a === undefined) return null;
  const t = a.trim().toLowerCase();
  return t === "" || t === "none" ? null : t;
}

/**
 * Seats held per affiliation, continuing members included, against a cap of K
 * per affiliation. Shared by every method, so STV applies the same rule (and
 * writes the same skip records) as the ranking methods.
 */
export class AffiliationCap {
  private readonly held = new Map<string, number>();
  private readonly continuing = new Map<string, number>();

  constructor(
    /** null = no cap. */
    public readonly max: number | null,
    continuingMembers: readonly ContinuingMember[] = [],
  ) {
    for (const m of continuingMembers) {
      const key = normaliseAffiliation(m.affiliation);
      if (key === null) continue;
      this.held.set(key, (this.held.get(key) ?? 0) + 1);
      this.continuing.set(key, (this.continuing.get(key) ?? 0) + 1);
    }
  }

  /** Seats the affiliation may still take; Infinity when uncapped. */
  room(affiliation: string | null | undefined): number {
    const key = normaliseAffiliation(affiliation);
    if (key === null || this.max === null) return Infinity;
    return Math.max(0, this.max - (this.held.get(key) ?? 0));
  }

  isFull(affiliation: string | null | undefined): boolean {
    return this.room(affiliation) === 0;
  }

  seat(affiliation: string | null | undefined): void {
    const key = normaliseAffiliation(affiliation);
    if (key !== null) this.held.set(key, (this.held.get(key) ?? 0) + 1);
  }

  /** The record for a candidate the cap keeps out of `seat` (a seat number, or an STV stage). */
  skip(candidate: Candidate, seat: number, what = `seat ${seat}`): CapSkip {
    const affiliation = (candidate.affiliation ?? "").trim();
    const key = normaliseAffiliation(affiliation) ?? "";
    const held = this.held.get(key) ?? 0;
    const cont = this.continuing.get(key) ?? 0;
    const incl = cont === 0 ? "" : cont === 1 ? ", 1 of them by a continuing member" : `, ${cont} of them by continuing members`;
    return {
      candidate: candidate.id,
      affiliation,
      seat,
      reason:
        `affiliation "${affiliation}" already holds ${held} seat${held === 1 ? "" : "s"}${incl}, ` +
        `the most allowed (${this.max}); ${what} goes to the next eligible candidate`,
    };
  }
}

export interface FillSeatsInput {
  /** Tiers of candidate indices, best first; candidates in one tier are tied. */
  ranking: readonly (readonly number[])[];
  seats: number;
  candidates: readonly Candidate[];
  /** null = no cap. */
  maxPerAffiliation: number | null;
  continuingMembers?: readonly ContinuingMember[];
  /**
   * Every candidate index, most favoured first (the TBRC). Called only when a tie
   * actually decides a seat, so elections without one never pay for it.
   */
  tieBreakOrder: () => readonly number[];
  /** How the order was made, for the report; defaults to the TBRC description. */
  tieBreakRule?: string;
}

export interface FillSeatsResult {
  /** Candidate indices in the order they took their seats. */
  winners: number[];
  skippedForCap: CapSkip[];
  tieBreaks: TieBreak[];
  /** Seats nobody eligible was left to fill (the cap excluded too many); 0 normally. */
  unfilledSeats: number;
}

/**
 * Walks the ranking best first and fills the seats (Kata's rule: "no more than
 * two of the seats ... with the same company affiliation. If a third member
 * would be in violation, the seat is awarded to the next highest scoring
 * candidate who would not violate the rule").
 *
 * A tier is broken only where that decides something: when it has more eligible
 * candidates than seats left, or when seating all of it would break the cap. Then
 * the tier is ordered by the tie-break order and walked in that order, and the
 * decision is recorded; a tier that fits entirely is seated as is.
 */
export function fillSeats(input: FillSeatsInput): FillSeatsResult {
  const { ranking, seats, candidates } = input;
  const cap = new AffiliationCap(input.maxPerAffiliation, input.continuingMembers ?? []);
  const winners: number[] = [];
  const skippedForCap: CapSkip[] = [];
  const tieBreaks: TieBreak[] = [];
  const skipped = new Set<number>();
  let position: Int32Array | null = null;
  const rank = (): Int32Array => {
    if (position === null) {
      const order = input.tieBreakOrder();
      position = new Int32Array(candidates.length).fill(candidates.length);
      order.forEach((c, i) => (position![c] = i));
    }
    return position;
  };

  const reject = (c: number): boolean => {
    if (!cap.isFull(candidates[c].affiliation)) return false;
    if (!skipped.has(c)) {
      skipped.add(c);
      skippedForCap.push(cap.skip(candidates[c], winners.length + 1));
    }
    return true;
  };

  for (const tier of ranking) {
    if (winners.length >= seats) break;
    const eligible = tier.filter((c) => !reject(c));
    if (eligible.length === 0) continue;
    const left = seats - winners.length;
    if (eligible.length <= left && !breaksCap(eligible, candidates, cap)) {
      for (const c of eligible) {
        winners.push(c);
        cap.seat(candidates[c].affiliation);
      }
      continue;
    }
    const pos = rank();
    const ordered = [...eligible].sort((a, b) => pos[a] - pos[b]);
    const first = winners.length + 1;
    for (const c of ordered) {
      if (winners.length >= seats) break;
      if (reject(c)) continue;
      winners.push(c);
      cap.seat(candidates[c].affiliation);
    }
    const lastSeat = winners.length;
    const capNote = eligible.length <= left ? " (the affiliation cap lets only some of them be seated)" : "";
    tieBreaks.push({
      decision: (lastSeat > first ? `seats ${first}-${lastSeat}` : `seat ${first}`) + capNote,
      among: eligible.map((c) => candidates[c].id),
      order: ordered.map((c) => candidates[c].id),
      rule:
        `${input.tieBreakRule ?? TBRC_RULE}; restricted to the tied candidates, ` +
        `who take the open seats in this order, skipping any the affiliation cap excludes`,
    });
  }
  return { winners, skippedForCap, tieBreaks, unfilledSeats: seats - winners.length };
}

/** True when seating all of `group` would take some affiliation over the cap. */
function breaksCap(group: readonly number[], candidates: readonly Candidate[], cap: AffiliationCap): boolean {
  if (cap.max === null) return false;
  const want = new Map<string, number>();
  for (const c of group) {
    const key = normaliseAffiliation(candidates[c].affiliation);
    if (key === null) continue;
    const k = (want.get(key) ?? 0) + 1;
    want.set(key, k);
    if (k > cap.room(key)) return true;
  }
  return false;
}
