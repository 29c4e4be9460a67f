import { ActionForm } from "@/components/forms/ActionForm";
import { LockedNote } from "@/components/forms/ReadOnly";
import { ManageShell } from "@/components/manage/ManageShell";
import { btnDanger, hint, input, label } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { canCancelElection } from "@/lib/elections/lifecycle-rules";
import { cancelAction } from "../actions";

export const generateMetadata = manageMetadata("cancelling");

export default async function CancelPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "cancel");
  if (!m.ok) return m.forbidden;
  const { election } = m;
  return (
    <ManageShell m={m} current="cancel" heading="Cancel the election">
      {canCancelElection(election) ? (
        <>
          <p className={hint}>Officials and admins can cancel until the results are published. Ballots stay stored but are never counted.</p>
          <ActionForm
            action={cancelAction.bind(null, election.id, m.base)}
            submitLabel="Cancel election"
            buttonClassName={btnDanger}
            confirm="Cancel this election? This cannot be undone."
            className="mt-3 max-w-2xl space-y-3"
          >
            <div>
              <label htmlFor="cancel-reason" className={label}>
                Reason (public)
              </label>
              <textarea id="cancel-reason" name="reason" required rows={4} maxLength={2000} aria-describedby="cancel-reason-hint" className={`${input} mt-1`} />
              <p id="cancel-reason-hint" className={hint}>
                Everyone sees it on the election and results pages, next to the date it was cancelled.
              </p>
            </div>
          </ActionForm>
        </>
      ) : (
        <LockedNote>
          {election.state === "CANCELLED" ? `This election is cancelled${election.cancelReason ? `: ${election.cancelReason}` : "."}` : "Published results cannot be cancelled."}
        </LockedNote>
      )}
    </ManageShell>
  );
}
