import Link from "next/link";
import type { CommunityCardRow } from "@/app/_lib/community";
import { communityHref } from "@/app/_lib/paths";
import { CommunityLogo } from "./CommunityLogo";
import { card, link } from "@/components/ui";

/** The communities of this instance as cards: logo, name, one line, how many elections are open. */
export function CommunityCards({ communities, headingLevel = 2 }: { communities: CommunityCardRow[]; headingLevel?: 2 | 3 }) {
  if (communities.length === 0) return <p className="mt-2 text-gray-800">No communities yet.</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Communities">
      {communities.map((c) => (
        <li key={c.id} className={`${card} flex gap-3`} data-testid="community-card">
          <CommunityLogo community={c} />
          <div className="min-w-0">
            <Heading className="text-lg font-semibold text-gray-950">
              <Link href={communityHref(c.slug)} className={`${link} break-words`}>
                {c.name}
              </Link>
            </Heading>
            {c.summary && <p className="mt-1 text-sm text-gray-800">{c.summary}</p>}
            <p className="mt-1 text-sm font-medium text-gray-900">
              {c.openElections === 0 ? "No open elections" : `${c.openElections} open election${c.openElections === 1 ? "" : "s"}`}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
