// Schedules for test elections, shared by the vitest factories and the out-of-process ballot worker
// (which cannot import vitest).

export type TestPhase = "draft" | "upcoming" | "nominations" | "campaign" | "voting" | "ended" | "closed" | "tallied" | "published" | "cancelled";

const H = 3600_000;
const D = 24 * H;

/** Schedule instants (relative to now) putting a SCHEDULED election in the phase. */
export function scheduleFor(phase: TestPhase) {
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms);
  switch (phase) {
    case "draft":
    case "upcoming":
      return { nominationsOpenAt: at(D), nominationsCloseAt: at(2 * D), votingOpenAt: at(3 * D), votingCloseAt: at(4 * D) };
    case "nominations":
      return { nominationsOpenAt: at(-H), nominationsCloseAt: at(D), votingOpenAt: at(2 * D), votingCloseAt: at(3 * D) };
    case "campaign":
      return { nominationsOpenAt: at(-2 * D), nominationsCloseAt: at(-H), votingOpenAt: at(D), votingCloseAt: at(2 * D) };
    case "voting":
      return { nominationsOpenAt: at(-3 * D), nominationsCloseAt: at(-2 * D), votingOpenAt: at(-H), votingCloseAt: at(D) };
    default:
      return { nominationsOpenAt: at(-4 * D), nominationsCloseAt: at(-3 * D), votingOpenAt: at(-2 * D), votingCloseAt: at(-H) };
  }
}

