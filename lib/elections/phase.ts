// Where an election stands (PRODUCT §2). The stored state records what
// officials decided; within SCHEDULED the phase follows from the UTC schedule
// and the server's clock, so nobody has to flip a switch at midnight.

export type Phase = "draft" | "upcoming" | "nominations" | "campaign" | "voting" | "awaiting-close" | "closed" | "tallied" | "published" | "cancelled";

export interface Schedule {
  state: "DRAFT" | "SCHEDULED" | "CLOSED" | "TALLIED" | "PUBLISHED" | "CANCELLED";
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  votingOpenAt: Date | null;
  votingCloseAt: Date | null;
}

/** What a list of elections selects to say where each stands and its key date (the real end of voting, a cancellation). */
export const ELECTION_DATES_SELECT = {
  state: true,
  nominationsOpenAt: true,
  nominationsCloseAt: true,
  votingOpenAt: true,
  votingCloseAt: true,
  votingClosedAt: true,
  cancelledAt: true,
  cancelReason: true,
} as const;

/**
 * When voting really ended: the moment officials closed it when that came
 * before the scheduled close, else the scheduled close (ballots are refused
 * from then on even if the close is recorded later). Every public page shows
 * this, never the bare schedule, once voting is over.
 */
export function votingEndedAt(e: { votingCloseAt: Date | null; votingClosedAt?: Date | null }): Date | null {
  const closed = e.votingClosedAt ?? null;
  if (closed && (!e.votingCloseAt || closed < e.votingCloseAt)) return closed;
  return e.votingCloseAt;
}

/** True when officials closed voting before its scheduled end. */
export function closedEarly(e: { votingCloseAt: Date | null; votingClosedAt?: Date | null }): boolean {
  return !!e.votingClosedAt && (!e.votingCloseAt || e.votingClosedAt < e.votingCloseAt);
}

export function electionPhase(e: Schedule, now: Date = new Date()): Phase {
  switch (e.state) {
    case "DRAFT":
      return "draft";
    case "CLOSED":
      return "closed";
    case "TALLIED":
      return "tallied";
    case "PUBLISHED":
      return "published";
    case "CANCELLED":
      return "cancelled";
  }
  const t = now.getTime();
  const before = (d: Date | null) => d !== null && t < d.getTime();
  const inWindow = (a: Date | null, b: Date | null) => a !== null && b !== null && t >= a.getTime() && t < b.getTime();
  if (inWindow(e.votingOpenAt, e.votingCloseAt)) return "voting";
  if (e.votingCloseAt && t >= e.votingCloseAt.getTime()) return "awaiting-close";
  if (inWindow(e.nominationsOpenAt, e.nominationsCloseAt)) return "nominations";
  if (before(e.nominationsOpenAt)) return "upcoming";
  return "campaign";
}

/** Ballots are accepted only inside the voting window of a scheduled election. */
export function isVotingOpen(e: Schedule, now: Date = new Date()): boolean {
  return electionPhase(e, now) === "voting";
}

export function areNominationsOpen(e: Schedule, now: Date = new Date()): boolean {
  return electionPhase(e, now) === "nominations";
}

export const PHASE_LABELS: Record<Phase, string> = {
  draft: "Draft",
  upcoming: "Upcoming",
  nominations: "Nominations open",
  campaign: "Campaign",
  voting: "Voting open",
  "awaiting-close": "Voting ended — awaiting close",
  closed: "Closed — counting",
  tallied: "Counted — under review",
  published: "Results published",
  cancelled: "Cancelled",
};
