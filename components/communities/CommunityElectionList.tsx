import Link from "next/link";
import type { Phase } from "@/lib/elections/phase";
import { electionHref } from "@/app/_lib/paths";
import { keyDate, KeyDateText, type DatedElection } from "./ElectionKeyDate";
import { PhaseBadge } from "@/components/PhaseBadge";
import { link } from "@/components/ui";

export interface ListedElection extends DatedElection {
  slug: string;
  title: string;
  seats: number;
  phase: Phase;
}

/** One group of a community's elections (open, upcoming or past). */
export function CommunityElectionList({ communitySlug, elections, empty }: { communitySlug: string; elections: ListedElection[]; empty: string }) {
  if (elections.length === 0) return <p className="mt-2 text-gray-800">{empty}</p>;
  return (
    <ul className="mt-3 divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white">
      {elections.map((e) => {
        const date = keyDate(e, e.phase);
        return (
          <li key={e.slug} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <div className="min-w-0">
              <Link href={electionHref(communitySlug, e.slug, e.phase === "published" ? "/results" : "")} className={`${link} break-words`}>
                {e.title}
              </Link>
              <p className="text-sm text-gray-800">
                {e.seats} seat{e.seats === 1 ? "" : "s"}
                {e.phase === "draft" && " · draft, visible only to its officials and this community's admins"}
                {date && (
                  <>
                    {" "}
                    · <KeyDateText date={date} />
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
