import Link from "next/link";
import type { Phase } from "@/lib/elections/phase";
import { electionHref } from "@/app/_lib/paths";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { link } from "@/components/ui";

export interface ListedElection {
  slug: string;
  title: string;
  seats: number;
  phase: Phase;
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  votingOpenAt: Date | null;
  votingCloseAt: Date | null;
}

/** The date that matters for an election in this phase, said plainly. */
function keyDate(e: ListedElection): { label: string; at: Date } | null {
  switch (e.phase) {
    case "nominations":
      return e.nominationsCloseAt && { label: "Nominations close", at: e.nominationsCloseAt };
    case "voting":
      return e.votingCloseAt && { label: "Voting closes", at: e.votingCloseAt };
    case "upcoming":
    case "draft":
      return e.nominationsOpenAt && { label: "Nominations open", at: e.nominationsOpenAt };
    case "campaign":
      return e.votingOpenAt && { label: "Voting opens", at: e.votingOpenAt };
    case "cancelled":
      return null;
    default:
      return e.votingCloseAt && { label: "Voting closed", at: e.votingCloseAt };
  }
}

/** One group of a community's elections (open, upcoming or past). */
export function CommunityElectionList({ communitySlug, elections, empty }: { communitySlug: string; elections: ListedElection[]; empty: string }) {
  if (elections.length === 0) return <p className="mt-2 text-gray-800">{empty}</p>;
  return (
    <ul className="mt-3 divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white">
      {elections.map((e) => {
        const date = keyDate(e);
        return (
          <li key={e.slug} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <div className="min-w-0">
              <Link href={electionHref(communitySlug, e.slug, e.phase === "published" ? "/results" : "")} className={`${link} break-words`}>
                {e.title}
              </Link>
              <p className="text-sm text-gray-800">
                {e.seats} seat{e.seats === 1 ? "" : "s"}
                {e.phase === "cancelled" && " · this election was cancelled and will not be held"}
                {e.phase === "draft" && " · draft, visible only to its officials and this community's admins"}
                {date && (
                  <>
                    {" "}
                    · {date.label}: <LocalTime iso={date.at.toISOString()} />
                  </>
                )}
              </p>
            </div>
            <PhaseBadge phase={e.phase} />
          </li>
        );
      })}
    </ul>
  );
}
