import Link from "next/link";
import type { RunElection } from "@/lib/people/elections-you-run";
import { electionHref } from "@/app/_lib/paths";
import { PhaseBadge } from "@/components/PhaseBadge";
import { link } from "@/components/ui";
import { keyDate, KeyDateText } from "./ElectionKeyDate";

/** The elections an official runs, each with its dashboard one click away. */
export function RunElectionList({ elections }: { elections: RunElection[] }) {
  return (
    <ul className="mt-3 divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white" aria-label="Elections you run">
      {elections.map((e) => {
        const date = keyDate(e, e.phase);
        return (
          <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="run-election">
            <div className="min-w-0">
              <Link href={electionHref(e.community.slug, e.slug)} className={`${link} break-words`}>
                {e.title}
              </Link>
              <p className="text-sm text-gray-800">
                {e.community.name}
                {date && (
                  <>
                    {" "}
                    · <KeyDateText date={date} />
                  </>
                )}{" "}
                ·{" "}
                <Link href={electionHref(e.community.slug, e.slug, "/manage")} className={link}>
                  Dashboard<span className="sr-only"> of {e.title}</span>
                </Link>
              </p>
            </div>
            <PhaseBadge phase={e.phase} />
          </li>
        );
      })}
    </ul>
  );
}
