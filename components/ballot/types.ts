import type { Tiers } from "./ranking";

export interface BallotCandidate {
  id: string;
  name: string;
  affiliation: string | null;
  /** The candidate's public page, where their statement is. */
  href: string;
}

export type ReceiptResult = { ok: true; receipt: string; ranking: string[][] } | { ok: false; error: string };
export type ViewResult = { ok: true; ranking: string[][] } | { ok: false; error: string };

export type NameOf = (id: string) => string;
export type { Tiers };
