import Link from "next/link";
import type { NominatingElection, VotingElection } from "@/lib/electorate/open-elections-for-voter";
import { electionHref } from "@/app/_lib/paths";
import { LocalTime } from "@/components/LocalTime";
import { link } from "@/components/ui";

/** Open votes for this member: where, until when, and only whether they voted. */
export function VotingElectionList({ elections }: { elections: VotingElection[] }) {
  return (
    <ul className="mt-3 divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white" aria-label="Elections you may vote in">
      {elections.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="voter-election">
          <div className="min-w-0">
            <Link href={electionHref(e.community.slug, e.slug, e.voted ? "" : "/vote")} className={`${link} break-words`}>
              {e.title}
            </Link>
            <p className="text-sm text-gray-800">
              {e.community.name} · Voting closes <LocalTime iso={e.votingCloseAt.toISOString()} />
            </p>
          </div>
          {e.voted ? (
            <span className="rounded-full border border-green-700 bg-green-50 px-2.5 py-0.5 text-xs font-semibold text-green-900">Voted</span>
          ) : (
            <span className="rounded-full border border-amber-700 bg-amber-50 px-2.5 py-0.5 text-xs font-semibold text-amber-900">Not yet voted</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Elections taking declarations in this member's communities. */
export function NominatingElectionList({ elections }: { elections: NominatingElection[] }) {
  return (
    <ul className="mt-3 divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white" aria-label="Elections taking nominations">
      {elections.map((e) => (
        <li key={e.id} className="p-3">
          <Link href={electionHref(e.community.slug, e.slug)} className={`${link} break-words`}>
            {e.title}
          </Link>
          <p className="text-sm text-gray-800">
            {e.community.name} · Nominations close <LocalTime iso={e.nominationsCloseAt.toISOString()} /> ·{" "}
            <Link href={electionHref(e.community.slug, e.slug, "/declare")} className={link}>
              Stand for election<span className="sr-only"> in {e.title}</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
