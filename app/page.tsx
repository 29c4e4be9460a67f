import Link from "next/link";
import { prisma } from "@/lib/db/client";
import { electionPhase } from "@/lib/elections/phase";
import { PUBLIC_ELECTION_WHERE } from "@/lib/elections/visibility";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { card, h1, link } from "@/components/ui";
import { currentActor } from "@/app/_lib/election";
import { electionHref } from "@/app/_lib/paths";

export default async function ElectionListPage() {
  const actor = await currentActor();
  // Drafts (and drafts cancelled before they opened) are shown only to the people setting them up.
  const elections = await prisma.election.findMany({
    where: {
      OR: [
        PUBLIC_ELECTION_WHERE,
        ...(actor ? [{ officials: { some: { userId: actor.id } } }, { community: { admins: { some: { userId: actor.id } } } }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }],
    select: {
      slug: true,
      community: { select: { slug: true, name: true } },
      title: true,
      seats: true,
      state: true,
      nominationsOpenAt: true,
      nominationsCloseAt: true,
      votingOpenAt: true,
      votingCloseAt: true,
      _count: { select: { candidacies: { where: { status: "ACCEPTED" } } } },
    },
  });

  return (
    <div className="space-y-6">
      <h1 className={h1}>Elections</h1>
      {elections.length === 0 ? (
        <p className="text-gray-800">No elections yet.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Elections">
          {elections.map((e) => {
            const phase = electionPhase(e);
            const next = keyDate(e);
            return (
              <li key={e.slug} className={card}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-lg font-semibold text-gray-950">
                    <Link href={electionHref(e.community.slug, e.slug)} className={link}>
                      {e.title}
                    </Link>
                  </h2>
                  <PhaseBadge phase={phase} />
                </div>
                <p className="mt-2 text-sm text-gray-800">
                  {e.seats} seat{e.seats === 1 ? "" : "s"} · {e._count.candidacies} accepted candidate
                  {e._count.candidacies === 1 ? "" : "s"}
                </p>
                {next && (
                  <p className="mt-1 text-sm text-gray-800">
                    {next.label}: <LocalTime iso={next.at.toISOString()} />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The one date that matters most right now for this election. */
function keyDate(e: {
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  votingOpenAt: Date | null;
  votingCloseAt: Date | null;
}): { label: string; at: Date } | null {
  const now = Date.now();
  const candidates: [string, Date | null][] = [
    ["Nominations open", e.nominationsOpenAt],
    ["Nominations close", e.nominationsCloseAt],
    ["Voting opens", e.votingOpenAt],
    ["Voting closes", e.votingCloseAt],
  ];
  for (const [label, at] of candidates) if (at && at.getTime() > now) return { label, at };
  return e.votingCloseAt ? { label: "Voting closed", at: e.votingCloseAt } : null;
}
