import type { ExceptionRequest } from "@/lib/generated/prisma/client";
import { btn, btnDanger, card, h3, input, label } from "@/components/ui";
import { LocalTime } from "@/components/LocalTime";
import { MAX_EXCEPTION_REQUESTS } from "@/lib/elections/lifecycle-rules";
import { DecisionForm, DecisionPanel } from "@/components/manage/DecisionPanel";
import { LinkedText } from "@/components/manage/LinkedText";
import { decideExceptionAction } from "@/app/c/[community]/elections/[slug]/manage/actions";

type Request = ExceptionRequest & { user: { name: string | null; email: string | null; githubLogin: string | null } };

const STATUS_WORDS: Record<string, string> = { PENDING: "waiting for a decision", GRANTED: "granted", DENIED: "denied", WITHDRAWN: "withdrawn by the member" };

/**
 * One member's latest request to be added to the roll, with the grant / deny
 * form while it can be decided (never a withdrawn one), and their earlier
 * requests of this election with the officials' notes.
 */
export function ExceptionDecision({ x, earlier, base, exceptionsLocked }: { x: Request; earlier: Request[]; base: string; exceptionsLocked: string | null }) {
  const who = x.user.name ?? x.user.githubLogin ?? x.user.email ?? "member";
  return (
    <li className={card} data-testid="exception-request" data-status={x.status.toLowerCase()}>
      <h3 className={h3}>
        {who} <span className="text-sm font-normal text-gray-800">— {STATUS_WORDS[x.status] ?? x.status.toLowerCase()}</span>
      </h3>
      <p className="break-words text-sm text-gray-800">{[x.user.githubLogin && `@${x.user.githubLogin}`, x.user.email].filter(Boolean).join(" · ")}</p>
      <p className="mt-1 text-sm text-gray-800" data-testid="exception-attempt">
        Request {x.attempt} of at most {MAX_EXCEPTION_REQUESTS}, asked <LocalTime iso={x.createdAt.toISOString()} />
        {x.withdrawnAt && (
          <>
            ; withdrawn <LocalTime iso={x.withdrawnAt.toISOString()} />
          </>
        )}
        .
      </p>
      <p className="mt-2 whitespace-pre-wrap break-words" data-testid="exception-reason">
        <LinkedText text={x.reason} />
      </p>
      {x.decisionNote && <p className="mt-2 text-sm">Officials&apos; note: {x.decisionNote}</p>}
      {earlier.length > 0 && (
        <details className="mt-2">
          <summary className="flex min-h-10 cursor-pointer items-center text-sm font-semibold">
            Earlier requests of this member ({earlier.length})
          </summary>
          <ol className="mt-1 space-y-2 border-l-2 border-gray-300 pl-3 text-sm" data-testid="earlier-requests">
            {earlier.map((r) => (
              <li key={r.id}>
                <p className="font-semibold">
                  Request {r.attempt}: {STATUS_WORDS[r.status] ?? r.status.toLowerCase()}
                </p>
                <p className="whitespace-pre-wrap break-words">
                  <LinkedText text={r.reason} />
                </p>
                {r.decisionNote && <p>Officials&apos; note: {r.decisionNote}</p>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {x.status === "WITHDRAWN" && <p className="mt-2 text-sm text-gray-800">The member withdrew this request: there is nothing to decide.</p>}
      {!exceptionsLocked && (
        // Mounted after the decision too, so its confirmation stays beside the request.
        <DecisionPanel action={decideExceptionAction.bind(null, x.id, base)} className="mt-3 space-y-2">
          {x.status === "PENDING" && (
          <DecisionForm ariaLabel={`Decide the request of ${who}`} className="space-y-2">
            <div>
              <label htmlFor={`note-${x.id}`} className={label}>
                Note (shown to the member and recorded in the audit log)
              </label>
              <input id={`note-${x.id}`} name="note" maxLength={2000} className={`${input} mt-1`} />
            </div>
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="decision" value="grant" className={btn}>
                Grant<span className="sr-only"> {who}</span>
              </button>
              <button type="submit" name="decision" value="deny" className={btnDanger}>
                Deny<span className="sr-only"> {who}</span>
              </button>
            </div>
          </DecisionForm>
          )}
        </DecisionPanel>
      )}
    </li>
  );
}
