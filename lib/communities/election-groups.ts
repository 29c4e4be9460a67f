// How a community page sorts its elections (pure): what a member can take part
// in now, what is coming, and what is over. Counting and review (closed,
// tallied) are over for members: nothing is left for them to do.
import { electionPhase, type Phase, type Schedule } from "@/lib/elections/phase";

export type ElectionGroup = "open" | "upcoming" | "past";

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
  cancelled: "past",
};

export function groupElections<E extends Schedule>(elections: readonly E[], now: Date = new Date()): Record<ElectionGroup, (E & { phase: Phase })[]> {
  const out: Record<ElectionGroup, (E & { phase: Phase })[]> = { open: [], upcoming: [], past: [] };
  for (const e of elections) {
    const phase = electionPhase(e, now);
    out[GROUP[phase]].push({ ...e, phase });
  }
  return out;
}
