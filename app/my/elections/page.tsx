import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { openElectionsForVoter } from "@/lib/electorate/open-elections-for-voter";
import { NominatingElectionList, VotingElectionList } from "@/components/communities/VoterElectionList";
import { h1, h2, hint, link } from "@/components/ui";
import { currentActor } from "@/app/_lib/election";

export const metadata: Metadata = { title: "My elections" };

/** Every open election this member may vote in, across communities, and whether they have. */
export default async function MyElectionsPage() {
  const actor = await currentActor();
  if (!actor) {
    return (
      <div className="space-y-4">
        <h1 className={h1}>My elections</h1>
        <p className="text-gray-800">
          <Link href={`/signin?callbackUrl=${encodeURIComponent("/my/elections")}`} className={link}>
            Sign in
          </Link>{" "}
          to see the elections you may vote in.
        </p>
      </div>
    );
  }
  const { voting, nominations } = await openElectionsForVoter(prisma, actor);
  return (
    <div className="space-y-4">
      <h1 className={h1}>My elections</h1>
      <section aria-labelledby="voting-h">
        <h2 id="voting-h" className={h2}>
          Open for your vote
        </h2>
        <p className={hint}>Elections whose electorate lists your GitHub login or e-mail, or that granted you an exception. Ballots are secret: this page only knows whether you voted.</p>
        {voting.length === 0 ? <p className="mt-2 text-gray-800">No election is open for your vote right now.</p> : <VotingElectionList elections={voting} />}
      </section>
      <section aria-labelledby="nominations-h">
        <h2 id="nominations-h" className={h2}>
          Taking nominations in your communities
        </h2>
        {nominations.length === 0 ? <p className="mt-2 text-gray-800">None right now.</p> : <NominatingElectionList elections={nominations} />}
      </section>
    </div>
  );
}
