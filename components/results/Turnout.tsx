import type { StoredResult } from "@/lib/elections/tally-election";
import { h2 } from "@/components/ui";

export function Turnout({ r }: { r: Omit<StoredResult, "turnout"> & { turnout?: StoredResult["turnout"] } }) {
  const turnout = r.turnout;
  return (
    <section aria-labelledby="turnout-h">
      <h2 id="turnout-h" className={h2}>
        Turnout
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="turnout">
        <dt className="font-semibold">Ballots counted</dt>
        <dd>{r.ballots}</dd>
        <dt className="font-semibold">Abstentions (empty ballots)</dt>
        <dd>{r.abstentions}</dd>
        {turnout && (
          <>
            <dt className="font-semibold">Voted / electorate</dt>
            <dd>
              {turnout.voted} of {turnout.electorate}
              {turnout.electorate > 0 && ` (${((100 * turnout.voted) / turnout.electorate).toFixed(1)}%)`}
            </dd>
            {/* The count refuses unless these are equal; both are shown so anyone can see that they were. */}
            <dt className="font-semibold">Voters recorded / ballots in the box</dt>
            <dd data-testid="ballots-vs-voters">
              {turnout.voted} / {turnout.ballots ?? r.ballots}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
