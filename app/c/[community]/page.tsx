import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { currentCommittees } from "@/lib/communities/committee-members";
import { groupElections } from "@/lib/communities/election-groups";
import { votingEndedAt } from "@/lib/elections/phase";
import { Markdown } from "@/components/markdown/Markdown";
import { CommunityLogo } from "@/components/communities/CommunityLogo";
import { CommitteeList } from "@/components/communities/CommitteeList";
import { CommunityElectionList } from "@/components/communities/CommunityElectionList";
import { h1, h2, link } from "@/components/ui";
import { currentActor, isCommunityAdminOf } from "@/app/_lib/election";
import { communityBySlug, visibleCommunityElections } from "@/app/_lib/community";
import { communityHref } from "@/app/_lib/paths";

type Params = { params: Promise<{ community: string }> };

// A community is public; its name is all the title says (no draft, no member).
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const c = await communityBySlug((await params).community);
  return { title: c ? c.name : "Not found" };
}

export default async function CommunityPage({ params }: Params) {
  const [community, actor] = await Promise.all([communityBySlug((await params).community), currentActor()]);
  if (!community) notFound();
  const admin = await isCommunityAdminOf(actor?.id, community.id);
  const [elections, published] = await Promise.all([
    visibleCommunityElections(community.id, actor),
    prisma.election.findMany({
      where: { communityId: community.id, state: "PUBLISHED" },
      select: { slug: true, title: true, committee: true, state: true, continuingMembers: true, result: { select: { data: true, publishedAt: true } } },
    }),
  ]);
  const groups = groupElections(elections);
  // Open and upcoming read soonest first (the query's order reversed); past by when voting really ended, latest first; cancelled, latest first.
  groups.open.reverse();
  groups.upcoming.reverse();
  groups.past.sort((a, b) => (votingEndedAt(b)?.getTime() ?? 0) - (votingEndedAt(a)?.getTime() ?? 0));
  groups.cancelled.sort((a, b) => (b.cancelledAt?.getTime() ?? 0) - (a.cancelledAt?.getTime() ?? 0));
  const committees = currentCommittees(community.committeeName, published);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <CommunityLogo community={community} size={64} />
        <div className="min-w-0 flex-1">
          <h1 className={`${h1} break-words`}>{community.name}</h1>
          <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
            {community.governanceUrl && (
              <a href={community.governanceUrl} rel="noopener noreferrer" className={link}>
                Governance document
              </a>
            )}
            {admin && (
              <Link href={communityHref(community.slug, "/admin")} className={link}>
                Administer {community.name}
              </Link>
            )}
          </p>
        </div>
      </div>
      {community.description.trim() && <Markdown text={community.description} />}

      <section aria-labelledby="committees-h">
        <h2 id="committees-h" className={h2}>
          Current committee members
        </h2>
        <CommitteeList communitySlug={community.slug} committees={committees} />
      </section>

      <section aria-labelledby="open-h">
        <h2 id="open-h" className={h2}>
          Open now
        </h2>
        <CommunityElectionList communitySlug={community.slug} elections={groups.open} empty="No election is taking nominations or votes right now." />
      </section>
      <section aria-labelledby="upcoming-h">
        <h2 id="upcoming-h" className={h2}>
          Upcoming
        </h2>
        <CommunityElectionList communitySlug={community.slug} elections={groups.upcoming} empty="Nothing scheduled." />
      </section>
      <section aria-labelledby="past-h">
        <h2 id="past-h" className={h2}>
          Past
        </h2>
        <CommunityElectionList communitySlug={community.slug} elections={groups.past} empty="No past elections." />
      </section>
      {groups.cancelled.length > 0 && (
        <section aria-labelledby="cancelled-h">
          <h2 id="cancelled-h" className={h2}>
            Cancelled
          </h2>
          <CommunityElectionList communitySlug={community.slug} elections={groups.cancelled} empty="" />
        </section>
      )}
    </div>
  );
}
