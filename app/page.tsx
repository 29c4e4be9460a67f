import Link from "next/link";
import { prisma } from "@/lib/db/client";
import { electionPhase } from "@/lib/elections/phase";
import { PUBLIC_ELECTION_WHERE } from "@/lib/elections/visibility";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { card, h1, h2, link } from "@/components/ui";
import { CommunityCards } from "@/components/communities/CommunityCards";
import { VotingElectionList } from "@/components/communities/VoterElectionList";
import { openElectionsForVoter } from "@/lib/electorate/open-elections-for-voter";
import { currentActor } from "@/app/_lib/election";
import { communityCards } from "@/app/_lib/community";
import { communityHref, electionHref } from "@/app/_lib/paths";

const HOME_OPEN_ELECTIONS = 3;

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

  const [communities, mine] = await Promise.all([communityCards(), openElectionsForVoter(prisma, actor)]);
  const byCommunity = new Map<string, { slug: string; name: string; elections: typeof elections }>();
  for (const e of [...elections].sort((a, b) => a.community.name.localeCompare(b.community.name))) {
    const group = byCommunity.get(e.community.slug) ?? { ...e.community, elections: [] };
    group.elections.push(e);
    byCommunity.set(e.community.slug, group);
  }

  return (
    <div className="space-y-6">
      <h1 className={h1}>Elections</h1>
      <section aria-labelledby="communities-h">
        <h2 id="communities-h" className={h2}>
          Communities
        </h2>
        <CommunityCards communities={communities} headingLevel={3} />
      </section>

      {mine.voting.length > 0 && (
        <section aria-labelledby="mine-h">
          <h2 id="mine-h" className={h2}>
            Your open elections
          </h2>
          <VotingElectionList elections={mine.voting.slice(0, HOME_OPEN_ELECTIONS)} />
          <p className="mt-2 text-sm">
            <Link href="/my/elections" className={link}>
              {mine.voting.length > HOME_OPEN_ELECTIONS ? `All ${mine.voting.length} of your open elections` : "My elections"}
            </Link>
          </p>
        </section>
      )}

      {elections.length === 0 ? (
        <p className="text-gray-800">No elections yet.</p>
      ) : (
        [...byCommunity.values()].map((group) => (
          <section key={group.slug} aria-labelledby={`community-${group.slug}-h`}>
            <h2 id={`community-${group.slug}-h`} className={h2}>
              <Link href={communityHref(group.slug)} className={link}>
                {group.name}
              </Link>
            </h2>
            <ElectionCards elections={group.elections} />
          </section>
        ))
      )}
    </div>
  );
}

function ElectionCards({
  elections,
}: {
  elections: {
    slug: string;
    community: { slug: string };
    title: string;
    seats: number;
    state: "DRAFT" | "SCHEDULED" | "CLOSED" | "TALLIED" | "PUBLISHED" | "CANCELLED";
    nominationsOpenAt: Date | null;
    nominationsCloseAt: Date | null;
    votingOpenAt: Date | null;
    votingCloseAt: Date | null;
    _count: { candidacies: number };
  }[];
}) {
  return (
    <ul className="mt-3 grid gap-4 sm:grid-cols-2" aria-label="Elections">
      {elections.map((e) => {
        const phase = electionPhase(e);
        const next = keyDate(e);
        return (
          <li key={e.slug} className={card}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="text-lg font-semibold text-gray-950">
                <Link href={electionHref(e.community.slug, e.slug)} className={link}>
                  {e.title}
                </Link>
              </h3>
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
