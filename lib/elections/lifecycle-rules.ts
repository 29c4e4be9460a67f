// The rules of each lifecycle step, as pure functions of the election row.
// The use cases enforce them inside their transactions; the official's pages
// and the lifecycle checklist ask the very same functions, so what a page
// offers (or says is missing) is exactly what the server would accept. Kept
// apart from the use cases so that importing them opens no database client.
import type { Election } from "@/lib/generated/prisma/client";
import type { ContinuingMember } from "@/lib/tally/types";
import { AffiliationCap } from "@/lib/tally/fill-seats";
import { beforeVotingRefusal, hasVotingStarted } from "./settings-lock";

/** Why the settings can no longer change, or null while they can (pure: the dashboard shows them read-only with this reason). */
export function settingsLockReason(e: Pick<Election, "state" | "votingOpenAt">, now: Date): string | null {
  return beforeVotingRefusal(e, now, "The election's settings");
}

/**
 * What an official may still change in the schedule: everything (before voting
 * opens), only a later close (while voting is open), or nothing, with the reason.
 * Pure, so the dashboard offers exactly what this use case accepts.
 */
export type ScheduleEditability = { mode: "all" } | { mode: "extend-close" } | { mode: "locked"; reason: string };

export function scheduleEditability(e: Pick<Election, "state" | "votingOpenAt" | "votingCloseAt">, now: Date): ScheduleEditability {
  if (e.state !== "DRAFT" && e.state !== "SCHEDULED") return { mode: "locked", reason: "The schedule of this election can no longer change." };
  if (!hasVotingStarted(e, now)) return { mode: "all" };
  if (e.votingCloseAt === null || now >= e.votingCloseAt) return { mode: "locked", reason: "Voting has ended; the schedule can no longer change." };
  return { mode: "extend-close" };
}

/** Why a draft cannot be made public now, or null when it can. Imported schedules skip the schedule form's checks, so the order is checked here. */
export function openElectionRefusal(
  e: Pick<Election, "state" | "nominationsOpenAt" | "nominationsCloseAt" | "votingOpenAt" | "votingCloseAt">,
): string | null {
  if (e.state !== "DRAFT") return "Only a draft election can be opened.";
  if (!e.nominationsOpenAt || !e.nominationsCloseAt || !e.votingOpenAt || !e.votingCloseAt) return "Set the schedule before opening the election.";
  if (!(e.nominationsOpenAt < e.nominationsCloseAt && e.nominationsCloseAt <= e.votingOpenAt && e.votingOpenAt < e.votingCloseAt)) {
    return "The schedule is out of order; fix it before opening the election.";
  }
  return null;
}

/**
 * What an import may still do to the roll (pure, for the dashboard): both modes
 * until voting opens, nothing afterwards — the roll freezes when voting opens
 * (PRODUCT §2), and from then on only individual exception grants, each
 * decided by an official and audited by name, change it.
 */
export function electorateImportRules(
  e: Pick<Election, "state" | "votingOpenAt">,
  now: Date,
): { add: true; replace: true } | { add: false; replace: false; reason: string } {
  if (e.state !== "DRAFT" && e.state !== "SCHEDULED") return { add: false, replace: false, reason: "The electorate of this election can no longer change." };
  if (hasVotingStarted(e, now)) {
    return { add: false, replace: false, reason: "Voting has opened: the electorate is frozen. Members left off can request an exception, which an official decides." };
  }
  return { add: true, replace: true };
}

/** Why declarations can no longer be accepted or rejected, or null while they can (pure, for the dashboard). */
export function reviewLockReason(e: Pick<Election, "state" | "votingOpenAt">, now: Date): string | null {
  return beforeVotingRefusal(e, now, "The list of candidates");
}

/**
 * Why nobody can ask for an exception now, or null while they can: only while
 * the election is public and voting has not ended. Officials of the election
 * are not refused (PRODUCT §1 bars them from standing, not from voting).
 */
export function exceptionRequestRefusal(e: Pick<Election, "state" | "votingCloseAt">, now: Date): string | null {
  if (e.state !== "SCHEDULED" || (e.votingCloseAt && now.getTime() >= e.votingCloseAt.getTime())) {
    return "Exceptions can be requested only while the election is open.";
  }
  return null;
}

/** How many times one member may ask for an exception in one election. */
export const MAX_EXCEPTION_REQUESTS = 3;

/**
 * Why a member may not ask again given their latest request, or null when they
 * may: not while one is pending or after a grant, and not past the limit.
 */
export function repeatRequestRefusal(latest: { attempt: number; status: string } | null): string | null {
  if (!latest) return null;
  if (latest.status === "PENDING") return "You have already asked; the officials will decide.";
  if (latest.status === "GRANTED") return "Your request was granted: you are on the electorate.";
  if (latest.attempt >= MAX_EXCEPTION_REQUESTS) {
    return `You have asked ${MAX_EXCEPTION_REQUESTS} times, the most one member may in one election; write to the officials directly.`;
  }
  return null;
}

/** Why exception requests can no longer be decided, or null while they can (pure, for the dashboard). */
export function exceptionDecisionLockReason(e: { state: string }): string | null {
  return e.state !== "DRAFT" && e.state !== "SCHEDULED" ? "The electorate of this election can no longer change." : null;
}

/** Why voting cannot be closed now, or null when it can (pure, for the dashboard). */
export function closeVotingRefusal(e: Pick<Election, "state" | "votingOpenAt">, now: Date): string | null {
  if (e.state !== "SCHEDULED") return "Only an election whose voting is open or ended can be closed.";
  if (!e.votingOpenAt || now < e.votingOpenAt) return "Voting has not opened yet; cancel the election instead.";
  return null;
}

/** What decides whether an election's candidates are unopposed. */
export interface UnopposedFacts {
  state: string;
  nominationsCloseAt: Date | null;
  seats: number;
  maxPerAffiliation: number | null;
  continuingMembers: readonly ContinuingMember[];
  /** Declarations still awaiting review. */
  pendingReview: number;
  participations: number;
  accepted: readonly { name: string; affiliation?: string | null }[];
}

/** Why the accepted candidates cannot be declared elected unopposed, or null when they can (pure, for the dashboard). */
export function unopposedRefusal(f: UnopposedFacts, now: Date): string | null {
  if (f.state !== "SCHEDULED") return "Only a scheduled election can be declared unopposed.";
  if (!f.nominationsCloseAt || now < f.nominationsCloseAt) return "Nominations have not closed yet.";
  if (f.pendingReview) return "Review every declaration first.";
  if (f.participations) return "Votes have been cast; close and tally instead.";
  if (f.accepted.length === 0) return "There is no accepted candidate to declare elected.";
  if (f.accepted.length > f.seats) return `There are more accepted candidates (${f.accepted.length}) than seats (${f.seats}); hold a vote.`;
  const cap = new AffiliationCap(f.maxPerAffiliation, f.continuingMembers);
  for (const c of f.accepted) {
    if (cap.isFull(c.affiliation)) return `The affiliation cap would keep ${c.name} out; hold a vote.`;
    cap.seat(c.affiliation);
  }
  return null;
}

/** Why the box cannot be counted, naming the difference, or null when every participation has exactly one ballot. */
export function ballotBoxMismatch({ voted, ballots, sealed }: { voted: number; ballots: number; sealed: number }): string | null {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (sealed > 0) {
    return `The election cannot be counted: ${plural(sealed, "sealed ballot")} could not be opened with this server's key (written by something other than Hustings?). Nothing was counted.`;
  }
  if (ballots === voted) return null;
  const diff = Math.abs(ballots - voted);
  return `The election cannot be counted: the ballot box holds ${plural(ballots, "ballot")} but ${plural(voted, "voter")} took part — ${plural(diff, "ballot")} ${ballots > voted ? "more than the voters cast (stuffed?)" : "missing"}. Nothing was counted.`;
}

/** States from which an election can still be cancelled (for the dashboard; the cancel use case's update enforces it). */
export const CANCELLABLE_STATES = ["DRAFT", "SCHEDULED", "CLOSED", "TALLIED"] as const;

export function canCancelElection(e: { state: string }): boolean {
  return (CANCELLABLE_STATES as readonly string[]).includes(e.state);
}

/** The schedule's fields as the official's form names them. */
export const SCHEDULE_FIELDS = {
  nominationsOpenAt: "Nominations open",
  nominationsCloseAt: "Nominations close",
  votingOpenAt: "Voting opens",
  votingCloseAt: "Voting closes",
} as const;
export type ScheduleField = keyof typeof SCHEDULE_FIELDS;

/**
 * What is wrong with a schedule an official typed, per field and in the form's
 * own words ("Voting closes must be after Voting opens"), or {} when nothing.
 * The same order updateElectionSchedule and openElectionRefusal enforce; the
 * future check only applies while every date may move (`mode: "all"`).
 */
export function scheduleFieldErrors(s: Record<ScheduleField, Date>, now: Date, mode: ScheduleEditability["mode"]): Partial<Record<ScheduleField, string>> {
  const errors: Partial<Record<ScheduleField, string>> = {};
  const L = SCHEDULE_FIELDS;
  if (!(s.nominationsOpenAt < s.nominationsCloseAt)) errors.nominationsCloseAt = `${L.nominationsCloseAt} must be after ${L.nominationsOpenAt.toLowerCase()}.`;
  if (!(s.nominationsCloseAt <= s.votingOpenAt)) errors.votingOpenAt = `${L.votingOpenAt} must be at or after ${L.nominationsCloseAt.toLowerCase()}.`;
  if (!(s.votingOpenAt < s.votingCloseAt)) errors.votingCloseAt = `${L.votingCloseAt} must be after ${L.votingOpenAt.toLowerCase()}.`;
  else if (mode === "all" && s.votingCloseAt <= now) errors.votingCloseAt = `${L.votingCloseAt} must be in the future.`;
  return errors;
}

/** What a draft still needs before it can be opened, in words (empty when openElectionRefusal is null). */
export function openElectionMissing(e: Parameters<typeof openElectionRefusal>[0]): string[] {
  const refusal = openElectionRefusal(e);
  if (refusal === null) return [];
  if (e.state !== "DRAFT") return [refusal];
  const unset = (Object.keys(SCHEDULE_FIELDS) as ScheduleField[]).filter((k) => e[k] === null).map((k) => SCHEDULE_FIELDS[k].toLowerCase());
  if (unset.length) return [`The schedule has no date yet for: ${unset.join(", ")}.`];
  const errors = scheduleFieldErrors(e as Record<ScheduleField, Date>, new Date(0), "extend-close");
  const listed = Object.values(errors);
  return listed.length ? listed.map((m) => `The schedule is out of order: ${m}`) : [refusal];
}
