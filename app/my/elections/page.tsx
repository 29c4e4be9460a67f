import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { openElectionsForVoter } from "@/lib/electorate/open-elections-for-voter";
import { NominatingElectionList, VotingElectionList } from "@/components/communities/VoterElectionList";
import { h1, h2, hint, link } from "@/components/ui";
import { currentActor } from "@/app/_lib/election";
import { electionsYouRun } from "@/lib/people/elections-you-run";
import { RunElectionList } from "@/components/communities/RunElectionList";
import { NeedsYouSection } from "@/components/auth/NeedsYou";
import { myPendingActions } from "@/app/_lib/pending-actions";

export const metadata: Metadata = { title: "My elections" };

/** What waits on this person, every open election they may vote in (and whether they have), and the elections they run. */
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
  const [{ voting, nominations }, run, pending] = await Promise.all([openElectionsForVoter(prisma, actor), electionsYouRun(prisma, actor), myPendingActions()]);
  return (
    <div className="space-y-4">
      <h1 className={h1}>My elections</h1>
      <NeedsYouSection pending={pending} />
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
      {run.length > 0 && (
        <section aria-labelledby="run-h">
          <h2 id="run-h" className={h2}>
            Elections you run
          </h2>
          <p className={hint}>You are an official of these; each dashboard shows what is done and what comes next.</p>
          <RunElectionList elections={run} />
        </section>
      )}
    </div>
  );
}
