import Link from "next/link";
import { prisma } from "@/lib/db/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { h1, hint, input, label, link } from "@/components/ui";
import { loadElection } from "@/app/_lib/election";
import { LockedNote } from "@/components/forms/ReadOnly";
import { exceptionRequestRefusal } from "@/lib/electorate/request-exception";
import { requestVoterException } from "./actions";
import { BackToElection } from "@/components/BackToElection";
import { electionHref } from "@/app/_lib/paths";

type Params = { params: Promise<{ community: string; slug: string }> };

export default async function ExceptionPage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor } = await loadElection({ community, slug });
  const existing = actor
    ? await prisma.exceptionRequest.findFirst({ where: { electionId: election.id, userId: actor.id }, orderBy: { attempt: "desc" } })
    : null;
  const refusal = exceptionRequestRefusal(election, new Date());

  return (
    <div className="max-w-2xl space-y-6">
      <BackToElection href={electionHref(community, slug)} title={election.title} />
      <h1 className={h1}>Request a voter exception</h1>
      <p className="text-gray-800">
        If you contribute to the project but are not on the electorate, ask the officials to add you. Say what you contribute; they decide, and the
        decision is recorded in the audit log.
      </p>
      {!actor ? (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`${electionHref(community, slug)}/exception`)}`} className={link}>
            Sign in
          </Link>{" "}
          to request an exception.
        </p>
      ) : existing ? (
        <p className="rounded-md border border-gray-400 bg-gray-50 p-3" data-testid="exception-status">
          Your request is <strong>{existing.status.toLowerCase()}</strong>
          {existing.decisionNote && <> — note from the officials: {existing.decisionNote}</>}.
        </p>
      ) : refusal ? (
        <LockedNote>{refusal}</LockedNote>
      ) : (
        <ActionForm action={requestVoterException.bind(null, election.id, electionHref(community, slug))} submitLabel="Send request" ariaLabel="Exception request">
          <div>
            <label htmlFor="reason" className={label}>
              Reason
            </label>
            <textarea id="reason" name="reason" required minLength={10} rows={5} aria-describedby="reason-hint" className={`${input} mt-1`} />
            <p id="reason-hint" className={hint}>
              For example: the pull requests, reviews, docs or community work that make you eligible.
            </p>
          </div>
        </ActionForm>
      )}
    </div>
  );
}
