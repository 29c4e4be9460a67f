import Link from "next/link";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { prisma } from "@/lib/db/client";
import { isEligibleVoter } from "@/lib/electorate/check-eligibility";
import { exceptionRequestRefusal } from "@/lib/electorate/request-exception";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { Markdown } from "@/components/markdown/Markdown";
import { affiliationInWords, capInWords, methodInWords, unrankedRuleInWords } from "@/components/election-text";
import { Cancelled } from "@/components/results/Cancelled";
import { VotingEnded } from "@/components/results/VotingEnded";
import { WinnersList } from "@/components/results/WinnersList";
import type { StoredResult } from "@/lib/elections/tally-election";
import { normaliseAffiliation } from "@/lib/tally/fill-seats";
import { btn, btnPrimary, card, h1, h2, link } from "@/components/ui";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { communityHref, electionHref } from "@/app/_lib/paths";
import { ExceptionStatusLine } from "./exception/ExceptionStatusLine";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? e.title : "Election" };
}

export default async function ElectionPage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor, official, canManage, phase } = await loadElection({ community, slug });

  const [candidates, myCandidacy, eligible, voted, exception, published] = await Promise.all([
    prisma.candidacy.findMany({
      where: { electionId: election.id, status: "ACCEPTED" },
      orderBy: { displayName: "asc" },
      select: { id: true, displayName: true, affiliation: true, platform: true, githubLogin: true },
    }),
    actor ? prisma.candidacy.findFirst({ where: { electionId: election.id, userId: actor.id }, select: { status: true } }) : null,
    actor ? isEligibleVoter(prisma, actor, election.id) : false,
    actor
      ? prisma.participation
          .findUnique({ where: { electionId_userId: { electionId: election.id, userId: actor.id } } })
          .then((p) => p !== null)
      : false,
    actor
      ? prisma.exceptionRequest.findFirst({
          where: { electionId: election.id, userId: actor.id },
          orderBy: { attempt: "desc" },
          select: { status: true, decisionNote: true },
        })
      : null,
    election.state === "PUBLISHED" ? prisma.result.findUnique({ where: { electionId: election.id }, select: { data: true, publishedAt: true } }) : null,
  ]);
  const result = published?.publishedAt ? (published.data as unknown as StoredResult) : null;

  // Offered exactly when the use case would take the request (not in a draft, not after voting ends).
  const canRequestException = exceptionRequestRefusal(election, new Date()) === null;
  const ended = ["closed", "tallied", "published", "cancelled", "awaiting-close"].includes(phase);
  const continuing = Array.isArray(election.continuingMembers) ? (election.continuingMembers as { name: string; affiliation: string }[]) : [];
  const cancelled = election.state === "CANCELLED";
  // Once voting is over the schedule shows when it really ended (an early close included), not the plan.
  const votingOver = ["CLOSED", "TALLIED", "PUBLISHED"].includes(election.state);
  const at = (d: Date | null) => (d ? <LocalTime iso={d.toISOString()} /> : "Not set");
  const schedule: [string, ReactNode][] = [
    ["Nominations open", at(election.nominationsOpenAt)],
    ["Nominations close", at(election.nominationsCloseAt)],
    ["Voting opens", at(election.votingOpenAt)],
    votingOver ? ["Voting closed", <VotingEnded key="ended" election={election} />] : ["Voting closes", at(election.votingCloseAt)],
  ];

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={communityHref(community)} className={link}>
            {election.community.name}
          </Link>
          {(election.committee || election.community.committeeName) && <span className="text-gray-800"> · {election.committee || election.community.committeeName}</span>}
        </p>
        <h1 className={h1}>{election.title}</h1>
        <p>
          <PhaseBadge phase={phase} />
        </p>
        {cancelled && <Cancelled at={election.cancelledAt} reason={election.cancelReason} />}
        {election.description && <Markdown text={election.description} />}
      </header>

      {result && (
        <section aria-labelledby="elected-h" className="rounded-lg border-2 border-green-800 bg-white p-4 shadow-sm" data-testid="election-winners">
          <h2 id="elected-h" className="text-xl font-bold text-gray-950">
            Elected
          </h2>
          <WinnersList winners={result.winners} candidates={result.candidates} />
          <p className="mt-3">
            <Link href={`${electionHref(community, slug)}/results`} className={link}>
              Full results: ranking, head to head, how ties and the affiliation cap were applied
            </Link>
          </p>
        </section>
      )}

      <nav aria-label="What you can do" className="flex flex-wrap gap-3">
        {phase === "nominations" && actor && !official && (
          <Link href={`${electionHref(community, slug)}/declare`} className={btnPrimary}>
            {myCandidacy ? "Edit your declaration" : "Declare your candidacy"}
          </Link>
        )}
        {phase === "voting" && eligible && (
          <Link href={`${electionHref(community, slug)}/vote`} className={btnPrimary}>
            {voted ? "Check or replace my ballot" : "Vote"}
          </Link>
        )}
        {actor && !eligible && !exception && canRequestException && (
          <Link href={`${electionHref(community, slug)}/exception`} className={btn}>
            Request a voter exception
          </Link>
        )}
        {canManage && (
          <Link href={`${electionHref(community, slug)}/manage`} className={btn}>
            Official dashboard
          </Link>
        )}
        {phase === "published" && (
          <Link href={`${electionHref(community, slug)}/results`} className={btnPrimary}>
            Results
          </Link>
        )}
        {phase === "tallied" && canManage && (
          <Link href={`${electionHref(community, slug)}/results`} className={btnPrimary}>
            Review the results
          </Link>
        )}
        {!actor && !ended && (
          <Link href={`/signin?callbackUrl=${encodeURIComponent(electionHref(community, slug))}`} className={btn}>
            Sign in to vote or declare
          </Link>
        )}
      </nav>

      {actor && (
        <p className="text-sm text-gray-800" data-testid="voter-status">
          {voted
            ? "You have voted in this election. Keep your receipt to check or replace your ballot."
            : eligible
              ? "You are on the electorate for this election."
              : exception
                ? <ExceptionStatusLine href={`${electionHref(community, slug)}/exception`} status={exception.status} hasNote={exception.decisionNote !== null} />
                : "You are not on the electorate for this election."}
          {myCandidacy && ` Your declaration is ${myCandidacy.status.toLowerCase()}.`}
        </p>
      )}

      <section aria-labelledby="schedule-h">
        <h2 id="schedule-h" className={h2}>
          Schedule
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {schedule.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-gray-900">{label}</dt>
              <dd className="text-gray-900">{value}</dd>
            </div>
          ))}
        </dl>
        {cancelled && <p className="mt-2 text-sm text-gray-800">The election was cancelled: this was its plan, and none of it will happen.</p>}
      </section>

      <section aria-labelledby="rules-h">
        <h2 id="rules-h" className={h2}>
          Seats and rules
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-gray-900">
          <li>
            {election.seats} seat{election.seats === 1 ? "" : "s"} to fill.
          </li>
          <li>Counting method: {methodInWords(election.method, election.strength)}.</li>
          <li>Rank candidates best first; you may rank several candidates equally. {unrankedRuleInWords(election.unranked, election.method)}</li>
          <li>{capInWords(election.maxPerAffiliation)}</li>
          {continuing.length > 0 && (
            <li>
              Continuing members (seats not up):{" "}
              {continuing.map((m) => `${m.name} (${affiliationInWords(m.affiliation)})`).join(", ")}.
            </li>
          )}
          <li>{election.publishBallots ? "Anonymized ballots are published with the results." : "Ballots are not published."}</li>
        </ul>
      </section>

      <section aria-labelledby="candidates-h">
        <h2 id="candidates-h" className={h2}>
          Candidates
        </h2>
        {candidates.length === 0 ? (
          <p className="mt-3 text-gray-800">No accepted candidates yet.</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2" aria-label="Accepted candidates">
            {candidates.map((c) => (
              <li key={c.id} className={card}>
                <h3 className="text-lg font-semibold">
                  <Link href={`${electionHref(community, slug)}/candidates/${c.id}`} className={link}>
                    {c.displayName}
                  </Link>
                </h3>
                <p className="text-sm text-gray-800">
                  {normaliseAffiliation(c.affiliation) === null ? affiliationInWords(c.affiliation) : `Affiliation: ${affiliationInWords(c.affiliation)}`}
                  {c.platform && <> · {c.platform}</>}
                  {c.githubLogin && <> · GitHub @{c.githubLogin}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
