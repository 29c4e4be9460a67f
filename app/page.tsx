import Link from "next/link";
import { prisma } from "@/lib/db/client";
import { ELECTION_DATES_SELECT, electionPhase, type Schedule } from "@/lib/elections/phase";
import { electionGroup, GROUP_ORDER } from "@/lib/communities/election-groups";
import { PUBLIC_ELECTION_WHERE } from "@/lib/elections/visibility";
import { keyDate, KeyDateText, type DatedElection } from "@/components/communities/ElectionKeyDate";
import { NeedsYouSection } from "@/components/auth/NeedsYou";
import { myPendingActions } from "@/app/_lib/pending-actions";
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
      ...ELECTION_DATES_SELECT,
      _count: { select: { candidacies: { where: { status: "ACCEPTED" } } } },
    },
  });

  const [communities, mine, pending] = await Promise.all([communityCards(), openElectionsForVoter(prisma, actor), myPendingActions()]);
  const byCommunity = new Map<string, { slug: string; name: string; elections: typeof elections }>();
  const now = new Date();
  // Communities by name; within one, live elections before those over and cancelled ones last (a stable sort keeps newest first within each).
  const sorted = [...elections].sort((a, b) => a.community.name.localeCompare(b.community.name) || a.community.slug.localeCompare(b.community.slug) || GROUP_ORDER[electionGroup(a, now)] - GROUP_ORDER[electionGroup(b, now)]);
  for (const e of sorted) {
    const group = byCommunity.get(e.community.slug) ?? { ...e.community, elections: [] };
    group.elections.push(e);
    byCommunity.set(e.community.slug, group);
  }

  return (
    <div className="space-y-6">
      <h1 className={h1}>Elections</h1>
      <NeedsYouSection pending={pending} />
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
  elections: (Schedule &
    DatedElection & {
      slug: string;
      community: { slug: string };
      title: string;
      seats: number;
      _count: { candidacies: number };
    })[];
}) {
  return (
    <ul className="mt-3 grid gap-4 sm:grid-cols-2" aria-label="Elections">
      {elections.map((e) => {
        const phase = electionPhase(e);
        const date = keyDate(e, phase);
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
            {date && (
              <p className="mt-1 text-sm text-gray-800">
                <KeyDateText date={date} />
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
