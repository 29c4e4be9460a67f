// The date an election list shows for each election (pure; ElectionKeyDate.tsx writes it out).
import { votingEndedAt, type Phase } from "@/lib/elections/phase";

/** What a list needs to say when an election stands where it does. */
export interface DatedElection {
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  votingOpenAt: Date | null;
  votingCloseAt: Date | null;
  votingClosedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export type KeyDate = { kind: "date"; label: string; at: Date } | { kind: "cancelled"; at: Date | null; reason?: string };

const REASON_MAX = 140;

/** The public reason cut to one line for a list; the election page shows it whole. */
export function shortReason(reason: string | null): string | undefined {
  const line = reason?.trim().split(/\r?\n/)[0]?.trim();
  if (!line) return undefined;
  return line.length > REASON_MAX ? `${line.slice(0, REASON_MAX - 1).trimEnd()}…` : line;
}

/**
 * The one date that matters for an election in this phase, said plainly: what
 * comes next while it is live, when voting really ended once it is over (an
 * early close, not the schedule), and when and why it was cancelled. Never a
 * schedule date of a cancelled election.
 */
export function keyDate(e: DatedElection, phase: Phase): KeyDate | null {
  switch (phase) {
    case "nominations":
      return e.nominationsCloseAt && { kind: "date", label: "Nominations close", at: e.nominationsCloseAt };
    case "voting":
      return e.votingCloseAt && { kind: "date", label: "Voting closes", at: e.votingCloseAt };
    case "upcoming":
    case "draft":
      return e.nominationsOpenAt && { kind: "date", label: "Nominations open", at: e.nominationsOpenAt };
    case "campaign":
      return e.votingOpenAt && { kind: "date", label: "Voting opens", at: e.votingOpenAt };
    case "cancelled":
      return { kind: "cancelled", at: e.cancelledAt, reason: shortReason(e.cancelReason) };
    case "awaiting-close":
      return e.votingCloseAt && { kind: "date", label: "Voting ended", at: e.votingCloseAt };
    default: {
      const ended = votingEndedAt(e);
      return ended && { kind: "date", label: "Voting closed", at: ended };
    }
  }
}
