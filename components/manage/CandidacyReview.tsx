import Link from "next/link";
import type { Candidacy } from "@/lib/generated/prisma/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { btn, btnDanger, card, h3, hint, input, label, link } from "@/components/ui";
import { reviewCandidacyAction } from "@/app/c/[community]/elections/[slug]/manage/actions";

/** One declaration with its review forms (accept confirms the affiliation; reject needs a reason), or just its state once locked. */
export function CandidacyReview({ c, base, reviewLocked }: { c: Candidacy; base: string; reviewLocked: string | null }) {
  return (
    <li className={card} data-testid="candidacy-review">
      <h3 className={h3}>
        <Link href={`${base}/candidates/${c.id}`} className={link}>
          {c.displayName}
        </Link>{" "}
        <span className="text-sm font-normal text-gray-800">— {c.status.toLowerCase()}</span>
      </h3>
      <p className="break-words text-sm text-gray-800">
        {c.email}
        {c.githubLogin && ` · @${c.githubLogin}`} · affiliation: {c.affiliation}
        {c.affiliationInferred && (c.affiliation === "none" ? " (not stated: to confirm)" : " (inferred from the email domain: to confirm)")}
        {c.rejectionReason && ` · rejected: ${c.rejectionReason}`}
      </p>
      {!reviewLocked && c.status !== "WITHDRAWN" && (
        <div role="group" aria-label={`Review ${c.displayName}`} className="mt-3 space-y-3">
          {c.status !== "ACCEPTED" && (
            <ActionForm
              action={reviewCandidacyAction.bind(null, c.id, base)}
              ariaLabel={`Accept ${c.displayName}`}
              submitLabel={`Accept ${c.displayName}`}
              hideSubmit
              className="space-y-2"
              extraButtons={
                <button type="submit" name="decision" value="accept" className={btn}>
                  Accept<span className="sr-only"> {c.displayName}</span>
                </button>
              }
            >
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
            </ActionForm>
          )}
          {c.status !== "REJECTED" && (
            <details>
              <summary className="flex min-h-10 cursor-pointer items-center text-sm font-semibold text-red-800">
                Reject…<span className="sr-only"> {c.displayName}</span>
              </summary>
              <ActionForm
                action={reviewCandidacyAction.bind(null, c.id, base)}
                ariaLabel={`Reject ${c.displayName}`}
                submitLabel={`Reject ${c.displayName}`}
                hideSubmit
                className="mt-2 max-w-md space-y-2"
                extraButtons={
                  <button type="submit" name="decision" value="reject" className={btnDanger}>
                    Reject<span className="sr-only"> {c.displayName}</span>
                  </button>
                }
              >
                <div>
                  <label htmlFor={`reason-${c.id}`} className={label}>
                    Reason (shown to the candidate)
                  </label>
                  <input id={`reason-${c.id}`} name="reason" required maxLength={2000} className={`${input} mt-1`} />
                </div>
              </ActionForm>
            </details>
          )}
        </div>
      )}
    </li>
  );
}
