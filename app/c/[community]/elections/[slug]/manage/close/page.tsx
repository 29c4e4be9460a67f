import { ActionForm } from "@/components/forms/ActionForm";
import { LockedNote } from "@/components/forms/ReadOnly";
import { ManageShell } from "@/components/manage/ManageShell";
import { btn, h3, hint } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { closeVotingRefusal, unopposedRefusal } from "@/lib/elections/lifecycle-rules";
import { closeVotingAction, declareUnopposedAction } from "../actions";

export const generateMetadata = manageMetadata("step 6 of 9");

export default async function ClosePage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "close");
  if (!m.ok) return m.forbidden;
  const { election, official, now, facts, phase } = m;
  const closeRefusal = closeVotingRefusal(election, now);
  const unopposed = unopposedRefusal(
    {
      ...election,
      continuingMembers: facts.continuingMembers,
      pendingReview: facts.candidacies.submitted,
      participations: facts.participations,
      accepted: facts.candidacies.accepted,
    },
    now,
  );
  return (
    <ManageShell m={m} current="close" heading="Close voting">
      <p className="mt-2 text-gray-800" data-testid="close-turnout">
        {facts.participations} of {facts.electorate} on the roll have voted.
      </p>
      {(election.state === "SCHEDULED" || election.state === "DRAFT") && closeRefusal && (
        <LockedNote>{election.state === "DRAFT" ? "This election is still a draft: voting can be closed once it is open and voting has opened." : closeRefusal}</LockedNote>
      )}
      {election.state === "CANCELLED" && <LockedNote>This election was cancelled: there is no vote to close.</LockedNote>}
      {official && closeRefusal === null && (
        <div className="mt-3">
          <ActionForm
            action={closeVotingAction.bind(null, election.id, m.base)}
            submitLabel="Close voting"
            confirm={phase === "voting" ? "Close voting now, before the scheduled end? No more ballots will be accepted." : "Close voting? No more ballots will be accepted."}
          />
        </div>
      )}
      {["CLOSED", "TALLIED", "PUBLISHED"].includes(election.state) && <p className="mt-3 text-gray-800">Voting is closed: the ballot box was shuffled and sealed.</p>}
      {official && election.state === "SCHEDULED" && (
        <section aria-labelledby="unopposed-h" className="mt-8">
          <h3 id="unopposed-h" className={h3}>
            Declare elected unopposed
          </h3>
          <p className={hint}>When nominations have closed with no more accepted candidates than seats, they can be declared elected without a vote; the result is published at once.</p>
          {unopposed ? (
            <LockedNote>{unopposed}</LockedNote>
          ) : (
            <div className="mt-3">
              <ActionForm
                action={declareUnopposedAction.bind(null, election.id, m.base)}
                submitLabel="Declare elected unopposed"
                buttonClassName={btn}
                confirm="Declare all accepted candidates elected without a vote?"
              />
            </div>
          )}
        </section>
      )}
    </ManageShell>
  );
}
