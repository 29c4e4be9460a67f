// How a community page sorts its elections (pure): what a member can take part
// in now, what is coming, what is over, and what was called off. Counting and
// review (closed, tallied) are over for members: nothing is left for them to
// do. Cancelled elections come apart and last: they will not be held, and a
// list must not read as if they were.
import { electionPhase, type Phase, type Schedule } from "@/lib/elections/phase";

export type ElectionGroup = "open" | "upcoming" | "past" | "cancelled";

const GROUP: Record<Phase, ElectionGroup> = {
  nominations: "open",
  voting: "open",
  draft: "upcoming",
  upcoming: "upcoming",
  campaign: "upcoming",
  "awaiting-close": "past",
  closed: "past",
  tallied: "past",
  published: "past",
  cancelled: "cancelled",
};

/** The group of one election now. */
export function electionGroup(e: Schedule, now: Date = new Date()): ElectionGroup {
  return GROUP[electionPhase(e, now)];
}

/** Where the groups come in a list that mixes them: live first, cancelled last. */
export const GROUP_ORDER: Record<ElectionGroup, number> = { open: 0, upcoming: 1, past: 2, cancelled: 3 };

export function groupElections<E extends Schedule>(elections: readonly E[], now: Date = new Date()): Record<ElectionGroup, (E & { phase: Phase })[]> {
  const out: Record<ElectionGroup, (E & { phase: Phase })[]> = { open: [], upcoming: [], past: [], cancelled: [] };
  for (const e of elections) {
    const phase = electionPhase(e, now);
    out[GROUP[phase]].push({ ...e, phase });
  }
  return out;
}
