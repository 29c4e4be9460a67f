import Link from "next/link";
import { PENDING_KINDS, type PendingActions, type PendingKind } from "@/lib/people/pending-actions";
import { LocalTime } from "@/components/LocalTime";
import { focusRing, link } from "@/components/ui";

/** Short names for the header's badges; the home page's headings say the same words. */
const KIND_LABEL: Record<PendingKind, string> = {
  vote: "Vote",
  declare: "Declare",
  exception: "Exception",
  manage: "Manage",
  admin: "Admin",
};

const KIND_HEADING: Record<PendingKind, string> = {
  vote: "Vote",
  declare: "Declare a candidacy",
  exception: "Exception requests",
  manage: "Manage",
  admin: "Admin",
};

const DUE_WORD: Partial<Record<PendingKind, string>> = { vote: "Voting closes", declare: "Nominations close", exception: "Voting closes" };

export const NEEDS_YOU_ID = "needs-you";

/**
 * The header's "Needs you: Vote 1 · Manage 3": one link to the home page's list,
 * its counts in its own text so a screen reader reads them as its name. Nothing
 * when nothing waits.
 */
export function NeedsYouLink({ pending }: { pending: PendingActions }) {
  if (pending.total === 0) return null;
  const kinds = PENDING_KINDS.filter((k) => pending.counts[k] > 0);
  return (
    <Link
      href={`/#${NEEDS_YOU_ID}`}
      className={`inline-flex flex-wrap items-center gap-x-1.5 gap-y-1 rounded-md border border-amber-700 bg-amber-50 px-2 py-1 font-semibold text-amber-950 hover:bg-amber-100 ${focusRing}`}
      data-testid="needs-you-link"
    >
      Needs you<span className="sr-only">:</span>
      {kinds.map((k, i) => (
        <span key={k} className="whitespace-nowrap font-normal">
          {i > 0 && <span aria-hidden="true">· </span>}
          {KIND_LABEL[k]} <span className="rounded-full bg-amber-800 px-1.5 text-xs font-bold text-white">{pending.counts[k]}</span>
          {i < kinds.length - 1 && <span className="sr-only">,</span>}
        </span>
      ))}
    </Link>
  );
}

/** The home page's list of what waits on the signed-in person, each with a link to where it is done. */
export function NeedsYouSection({ pending }: { pending: PendingActions }) {
  if (pending.total === 0) return null;
  return (
    <section id={NEEDS_YOU_ID} aria-labelledby="needs-you-h" className="scroll-mt-4 rounded-lg border border-amber-700 bg-amber-50 p-4">
      <h2 id="needs-you-h" className="text-xl font-bold text-gray-950">
        Needs your attention <span className="text-base font-semibold text-gray-800">({pending.total})</span>
      </h2>
      {PENDING_KINDS.filter((k) => pending.counts[k] > 0).map((k) => (
        <div key={k} className="mt-3">
          <h3 className="text-base font-semibold text-gray-950">
            {KIND_HEADING[k]} ({pending.counts[k]})
          </h3>
          <ul className="mt-1 space-y-1.5" aria-label={KIND_HEADING[k]}>
            {pending.items
              .filter((i) => i.kind === k)
              .map((i) => (
                <li key={i.key} className="text-sm text-gray-900" data-testid="needs-you-item">
                  <Link href={i.href} className={link}>
                    {i.action}: {i.subject}
                  </Link>
                  {i.community && <span className="text-gray-800"> · {i.community}</span>}
                  {i.due && DUE_WORD[k] && (
                    <span className="text-gray-800">
                      {" "}
                      · {DUE_WORD[k]} <LocalTime iso={i.due.toISOString()} />
                    </span>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
