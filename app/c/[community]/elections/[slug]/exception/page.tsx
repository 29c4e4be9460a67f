import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { btnDanger, h1, h2, hint, input, label, link } from "@/components/ui";
import { loadElection, visibleElection } from "@/app/_lib/election";
import { LockedNote } from "@/components/forms/ReadOnly";
import { LocalTime } from "@/components/LocalTime";
import { exceptionRequestRefusal, repeatRequestRefusal, MAX_EXCEPTION_REQUESTS } from "@/lib/electorate/request-exception";
import { isEligibleVoter } from "@/lib/electorate/check-eligibility";
import { exceptionStatusInWords } from "@/components/election-text";
import { requestVoterException, withdrawVoterException } from "./actions";
import { BackToElection } from "@/components/BackToElection";
import { electionHref } from "@/app/_lib/paths";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? `Voter exception: ${e.title}` : "Voter exception" };
}

type Request = { id: string; attempt: number; reason: string; status: string; decisionNote: string | null; createdAt: Date; decidedAt: Date | null; withdrawnAt: Date | null };

/** One request as its author sees it: what they wrote, where it stands, and the officials' note. */
function RequestDetails({ r, testId, withStatus }: { r: Request; testId: string; withStatus: boolean }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {withStatus && (
        <>
          <dt className="font-semibold">Status</dt>
          <dd>
            <strong>{exceptionStatusInWords(r.status)}</strong>
          </dd>
        </>
      )}
      <dt className="font-semibold">Sent</dt>
      <dd>
        <LocalTime iso={r.createdAt.toISOString()} />
      </dd>
      {(r.withdrawnAt ?? r.decidedAt) && (
        <>
          <dt className="font-semibold">{r.withdrawnAt ? "Withdrawn" : "Decided"}</dt>
          <dd>
            <LocalTime iso={(r.withdrawnAt ?? r.decidedAt)!.toISOString()} />
          </dd>
        </>
      )}
      <dt className="font-semibold">You wrote</dt>
      <dd className="whitespace-pre-wrap break-words">{r.reason}</dd>
      {r.decisionNote && (
        <>
          <dt className="font-semibold">Note from the officials</dt>
          <dd className="whitespace-pre-wrap break-words" data-testid={`${testId}-note`}>
            {r.decisionNote}
          </dd>
        </>
      )}
    </dl>
  );
}

export default async function ExceptionPage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor } = await loadElection({ community, slug });
  const base = electionHref(community, slug);
  const [requests, eligible] = actor
    ? await Promise.all([
        prisma.exceptionRequest.findMany({
          where: { electionId: election.id, userId: actor.id },
          orderBy: { attempt: "desc" },
          select: { id: true, attempt: true, reason: true, status: true, decisionNote: true, createdAt: true, decidedAt: true, withdrawnAt: true },
        }),
        isEligibleVoter(prisma, actor, election.id),
      ])
    : [[], false];
  const [latest, ...earlier] = requests;
  // The same rules requestException applies, so the form shows exactly when it would be taken.
  const refusal =
    exceptionRequestRefusal(election, new Date()) ??
    (eligible && latest?.status !== "GRANTED" ? "You are on the electorate already: you can vote without an exception." : null) ??
    repeatRequestRefusal(latest ?? null);
  const again = latest !== undefined;

  const form = (
    <ActionForm action={requestVoterException.bind(null, election.id, base)} submitLabel={again ? "Send new request" : "Send request"} ariaLabel="Exception request">
      <div>
        <label htmlFor="reason" className={label}>
          {again ? "Your new request" : "Reason"}
        </label>
        <textarea id="reason" name="reason" required minLength={10} rows={5} aria-describedby="reason-hint" className={`${input} mt-1`} />
        <p id="reason-hint" className={hint}>
          For example: the pull requests, reviews, docs or community work that make you eligible.
          {again && ` This will be request ${latest.attempt + 1} of at most ${MAX_EXCEPTION_REQUESTS}.`}
        </p>
      </div>
    </ActionForm>
  );

  return (
    <div className="max-w-2xl space-y-6">
      <BackToElection href={base} title={election.title} />
      <h1 className={h1}>Request a voter exception</h1>
      <p className="text-gray-800">
        If you contribute to the project but are not on the electorate, ask the officials to add you. Say what you contribute; they decide, and the
        decision is recorded in the audit log.
      </p>
      {!actor ? (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`${base}/exception`)}`} className={link}>
            Sign in
          </Link>{" "}
          to request an exception.
        </p>
      ) : (
        <>
          {latest && (
            <section aria-labelledby="latest-h" className="space-y-3 rounded-md border border-gray-400 bg-gray-50 p-4">
              <h2 id="latest-h" className="text-xl font-bold text-gray-950">
                Your request{requests.length > 1 && ` (request ${latest.attempt} of at most ${MAX_EXCEPTION_REQUESTS})`}
              </h2>
              <p data-testid="exception-status">
                Your request is <strong>{exceptionStatusInWords(latest.status)}</strong>
                {latest.status === "DENIED" && latest.decisionNote ? "; read the officials' note below." : "."}
              </p>
              <RequestDetails r={latest} testId="exception-latest" withStatus={false} />
              {latest.status === "PENDING" && (
                <ActionForm
                  action={withdrawVoterException.bind(null, latest.id, base)}
                  submitLabel="Withdraw request"
                  pendingLabel="Withdrawing…"
                  buttonClassName={btnDanger}
                  confirm="Withdraw your exception request? The officials will no longer decide it; you may ask again later."
                  ariaLabel="Withdraw exception request"
                />
              )}
            </section>
          )}
          {latest?.status !== "PENDING" &&
            (refusal ? (
              <LockedNote>{refusal}</LockedNote>
            ) : again ? (
              <section aria-labelledby="ask-h" className="space-y-3">
                <h2 id="ask-h" className={h2}>
                  Ask again
                </h2>
                {form}
              </section>
            ) : (
              form
            ))}
          {earlier.length > 0 && (
            <section aria-labelledby="earlier-h" className="space-y-3">
              <h2 id="earlier-h" className={h2}>
                Your earlier requests
              </h2>
              <ol className="space-y-4">
                {earlier.map((r) => (
                  <li key={r.id} className="rounded-md border border-gray-300 p-3">
                    <p className="mb-2 font-semibold">Request {r.attempt}</p>
                    <RequestDetails r={r} testId={`exception-attempt-${r.attempt}`} withStatus />
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </div>
  );
}
