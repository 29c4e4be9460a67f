import type { ExceptionRequest } from "@/lib/generated/prisma/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { btn, btnDanger, card, h3, input, label } from "@/components/ui";
import { decideExceptionAction } from "@/app/c/[community]/elections/[slug]/manage/actions";

type Request = ExceptionRequest & { user: { name: string | null; email: string | null; githubLogin: string | null } };

/** One member's request to be added to the roll, with the grant / deny form while it can be decided. */
export function ExceptionDecision({ x, base, exceptionsLocked }: { x: Request; base: string; exceptionsLocked: string | null }) {
  const who = x.user.name ?? x.user.githubLogin ?? x.user.email ?? "member";
  return (
    <li className={card}>
      <h3 className={h3}>
        {who} <span className="text-sm font-normal text-gray-800">— {x.status.toLowerCase()}</span>
      </h3>
      <p className="break-words text-sm text-gray-800">{[x.user.githubLogin && `@${x.user.githubLogin}`, x.user.email].filter(Boolean).join(" · ")}</p>
      <p className="mt-2 whitespace-pre-wrap">{x.reason}</p>
      {x.decisionNote && <p className="mt-2 text-sm">Note: {x.decisionNote}</p>}
      {!exceptionsLocked && x.status === "PENDING" && (
        <ActionForm
          action={decideExceptionAction.bind(null, x.id, base)}
          ariaLabel={`Decide the request of ${who}`}
          submitLabel="Grant"
          hideSubmit
          className="mt-3 space-y-2"
          extraButtons={
            <>
              <button type="submit" name="decision" value="grant" className={btn}>
                Grant<span className="sr-only"> {who}</span>
              </button>
              <button type="submit" name="decision" value="deny" className={btnDanger}>
                Deny<span className="sr-only"> {who}</span>
              </button>
            </>
          }
        >
          <div>
            <label htmlFor={`note-${x.id}`} className={label}>
              Note (recorded in the audit log)
            </label>
            <input id={`note-${x.id}`} name="note" className={`${input} mt-1`} />
          </div>
        </ActionForm>
      )}
    </li>
  );
}
