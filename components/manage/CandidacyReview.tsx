import Link from "next/link";
import type { Candidacy } from "@/lib/generated/prisma/client";
import { btn, btnDanger, card, h3, hint, input, label, link } from "@/components/ui";
import { affiliationInWords } from "@/components/election-text";
import { DecisionForm, DecisionPanel } from "@/components/manage/DecisionPanel";
import { asSentence } from "@/components/manage/sentence";
import { reviewCandidacyAction } from "@/app/c/[community]/elections/[slug]/manage/actions";


/** One declaration with its review forms (accept confirms the affiliation; reject needs a reason), or just its state once locked. */
export function CandidacyReview({ c, base, reviewLocked }: { c: Candidacy; base: string; reviewLocked: string | null }) {
  const affiliation = affiliationInWords(c.affiliation);
  return (
    <li className={card} data-testid="candidacy-review" data-status={c.status.toLowerCase()}>
      <h3 className={h3}>
        <Link href={`${base}/candidates/${c.id}`} className={link}>
          {c.displayName}
        </Link>{" "}
        <span className="text-sm font-normal text-gray-800">— {c.status === "SUBMITTED" ? "waiting for review" : c.status.toLowerCase()}</span>
      </h3>
      <p className="break-words text-sm text-gray-800">
        {c.email}
        {c.githubLogin && ` · @${c.githubLogin}`} · {affiliation === "No affiliation" ? affiliation : `affiliation: ${affiliation}`}
        {c.affiliationInferred && (c.affiliation === "none" ? " (not stated: to confirm)" : " (inferred from the email domain: to confirm)")}
      </p>
      {c.status === "REJECTED" && c.rejectionReason && (
        <p className="mt-1 break-words text-sm text-gray-900" data-testid="rejection-reason">
          Rejected. Reason given to the candidate: {asSentence(c.rejectionReason)}
        </p>
      )}
      {!reviewLocked && c.status !== "WITHDRAWN" && (
        <DecisionPanel action={reviewCandidacyAction.bind(null, c.id, base)} className="mt-3 space-y-3">
          <div role="group" aria-label={`Review ${c.displayName}`} className="space-y-3">
            {c.status !== "ACCEPTED" && (
              <DecisionForm ariaLabel={`Accept ${c.displayName}`} className="space-y-2">
                <div className="max-w-md">
                  <label htmlFor={`affiliation-${c.id}`} className={label}>
                    Affiliation
                  </label>
                  <input
                    id={`affiliation-${c.id}`}
                    name="affiliation"
                    required
                    maxLength={200}
                    defaultValue={c.affiliation}
                    aria-describedby={`affiliation-hint-${c.id}`}
                    className={`${input} mt-1`}
                  />
                  <p id={`affiliation-hint-${c.id}`} className={c.affiliationInferred ? "mt-1 text-sm font-medium text-amber-900" : hint}>
                    {c.affiliationInferred
                      ? c.affiliation === "none"
                        ? "The declaration does not state one — enter it, or keep “none”, before accepting."
                        : "Inferred from email — please confirm or correct it before accepting."
                      : "Accepting confirms it; correct it here if needed."}
                  </p>
                </div>
                <button type="submit" name="decision" value="accept" className={btn}>
                  Accept<span className="sr-only"> {c.displayName}</span>
                </button>
              </DecisionForm>
            )}
            {c.status !== "REJECTED" && (
              <details>
                <summary className="flex min-h-10 cursor-pointer items-center text-sm font-semibold text-red-800">
                  Reject…<span className="sr-only"> {c.displayName}</span>
                </summary>
                <DecisionForm ariaLabel={`Reject ${c.displayName}`} className="mt-2 max-w-md space-y-2">
                  <div>
                    <label htmlFor={`reason-${c.id}`} className={label}>
                      Reason (shown to the candidate)
                    </label>
                    <input id={`reason-${c.id}`} name="reason" required maxLength={2000} className={`${input} mt-1`} />
                  </div>
                  <button type="submit" name="decision" value="reject" className={btnDanger}>
                    Reject<span className="sr-only"> {c.displayName}</span>
                  </button>
                </DecisionForm>
              </details>
            )}
          </div>
        </DecisionPanel>
      )}
    </li>
  );
}
