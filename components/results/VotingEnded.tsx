import { LocalTime } from "@/components/LocalTime";
import { closedEarly, votingEndedAt } from "@/lib/elections/phase";

/**
 * When voting really ended: an official's early close, with the schedule it
 * cut short beside it, never the bare scheduled close as if it still stood.
 */
export function VotingEnded({ election }: { election: { votingCloseAt: Date | null; votingClosedAt: Date | null } }) {
  const ended = votingEndedAt(election);
  if (!ended) return <>Not set</>;
  return (
    <span data-testid="voting-ended">
      <LocalTime iso={ended.toISOString()} />
      {closedEarly(election) && election.votingCloseAt && (
        <>
          {" "}
          — early; scheduled for <LocalTime iso={election.votingCloseAt.toISOString()} />
        </>
      )}
    </span>
  );
}
