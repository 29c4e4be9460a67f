import { LocalTime } from "@/components/LocalTime";
import type { KeyDate } from "./election-key-date";

export { keyDate, type DatedElection } from "./election-key-date";

/** "Voting closed: <when>" or "Cancelled <when>: <reason>". */
export function KeyDateText({ date }: { date: KeyDate }) {
  if (date.kind === "cancelled") {
    return (
      <span data-testid="cancelled-note">
        Cancelled{date.at && <> <LocalTime iso={date.at.toISOString()} /></>}
        {date.reason && <>: {date.reason}</>}
      </span>
    );
  }
  return (
    <span>
      {date.label}: <LocalTime iso={date.at.toISOString()} />
    </span>
  );
}
