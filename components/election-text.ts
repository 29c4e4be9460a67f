// Election rules in plain words, shared by the election page, the ballot and
// the results so the same rule is never described two different ways.
import { normaliseAffiliation } from "@/lib/tally/fill-seats";

export const METHOD_LABELS: Record<string, string> = {
  schulze: "Schulze (a Condorcet method: candidates are compared pair by pair)",
  "ranked-pairs": "Ranked Pairs (MAM, a Condorcet method)",
  irv: "Instant-runoff voting",
  "stv-scottish": "Single transferable vote (Scottish STV rules)",
  "stv-meek": "Single transferable vote (Meek's method)",
};

export const STRENGTH_LABELS: Record<string, string> = {
  winning: "winning votes",
  margins: "margins",
};

export function methodInWords(method: string, strength?: string | null): string {
  const base = METHOD_LABELS[method] ?? method;
  const condorcet = method === "schulze" || method === "ranked-pairs";
  return condorcet && strength ? `${base}, strength measured by ${STRENGTH_LABELS[strength] ?? strength}` : base;
}

/** What the voter must know before leaving someone off the ballot (PRODUCT §5). */
export function unrankedRuleInWords(rule: string, method?: string): string {
  if (method === "irv" || method === "stv-scottish" || method === "stv-meek") {
    return "Candidates you leave unranked never receive your vote: if everyone you ranked is elected or eliminated, your ballot stops counting.";
  }
  return rule === "last"
    ? "Candidates you leave unranked rank below everyone you ranked, tied with each other."
    : "Candidates you leave unranked count as no opinion: your ballot says nothing about them, either way.";
}

export function capInWords(max: number | null | undefined): string {
  return max ? `At most ${max} seat${max === 1 ? "" : "s"} per affiliation (company), counting continuing members.` : "No limit per affiliation.";
}

/**
 * A candidate's or member's affiliation for people to read: "none" (how
 * declarations store the lack of one, and what the cap ignores) reads as
 * "No affiliation", never as missing data.
 */
export function affiliationInWords(affiliation: string | null | undefined): string {
  return normaliseAffiliation(affiliation) === null ? "No affiliation" : affiliation!.trim();
}

/**
 * A reason someone typed, ending in exactly one full stop (or their own ? or !),
 * so "reason: Not a contributor." never reads "Not a contributor..".
 */
export function withFullStop(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** Where a member's exception request stands, in words (the exception page and the election page say it alike). */
export function exceptionStatusInWords(status: string): string {
  switch (status) {
    case "PENDING":
      return "pending: the officials have not decided yet";
    case "GRANTED":
      return "granted: you are on the electorate";
    case "DENIED":
      return "denied";
    case "WITHDRAWN":
      return "withdrawn by you";
    default:
      return status.toLowerCase();
  }
}
