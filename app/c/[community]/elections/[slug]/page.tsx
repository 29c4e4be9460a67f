import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { isEligibleVoter } from "@/lib/electorate/check-eligibility";
import { exceptionRequestRefusal } from "@/lib/electorate/request-exception";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { Markdown } from "@/components/markdown/Markdown";
import { capInWords, methodInWords, unrankedRuleInWords } from "@/components/election-text";
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

  const [candidates, myCandidacy, eligible, voted, exception] = await Promise.all([
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
  ]);

  // Offered exactly when the use case would take the request (not in a draft, not after voting ends).
  const canRequestException = exceptionRequestRefusal(election, new Date()) === null;
  const ended = ["closed", "tallied", "published", "cancelled", "awaiting-close"].includes(phase);
  const continuing = Array.isArray(election.continuingMembers) ? (election.continuingMembers as { name: string; affiliation: string }[]) : [];
  const schedule: [string, Date | null][] = [
    ["Nominations open", election.nominationsOpenAt],
    ["Nominations close", election.nominationsCloseAt],
    ["Voting opens", election.votingOpenAt],
    ["Voting closes", election.votingCloseAt],
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
        {election.description && <Markdown text={election.description} />}
      </header>

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
        {(phase === "published" || (phase === "tallied" && official)) && (
          <Link href={`${electionHref(community, slug)}/results`} className={btnPrimary}>
            Results
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
          {schedule.map(([label, at]) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-gray-900">{label}</dt>
              <dd className="text-gray-900">{at ? <LocalTime iso={at.toISOString()} /> : "Not set"}</dd>
            </div>
          ))}
        </dl>
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
              {continuing.map((m) => `${m.name} (${m.affiliation || "none"})`).join(", ")}.
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
                  Affiliation: {c.affiliation || "none"}
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
