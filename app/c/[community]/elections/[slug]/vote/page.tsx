import Link from "next/link";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { prisma } from "@/lib/db/client";
import { matchingRollEntries } from "@/lib/electorate/check-eligibility";
import { RankingBallot } from "@/components/ballot/RankingBallot";
import { Markdown } from "@/components/markdown/Markdown";
import { candidateOrder, candidateOrderKey } from "@/lib/ballots/candidate-order";
import { receiptSecret } from "@/lib/ballots/receipt";
import { votingEndedAt } from "@/lib/elections/phase";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { unrankedRuleInWords } from "@/components/election-text";
import { h1, link } from "@/components/ui";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { castBallotAction, replaceBallotAction, viewBallotAction } from "./actions";
import { BackToElection } from "@/components/BackToElection";
import { electionHref } from "@/app/_lib/paths";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? `Vote: ${e.title}` : "Vote" };
}

export default async function VotePage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor, phase } = await loadElection({ community, slug });

  const back = (
    <BackToElection href={electionHref(community, slug)} title={election.title} />
  );

  if (!actor) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className={h1}>Vote: {election.title}</h1>
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`${electionHref(community, slug)}/vote`)}`} className={link}>
            Sign in
          </Link>{" "}
          to vote.
        </p>
      </div>
    );
  }

  // What the page offers; castBallot checks all of this again on the server.
  const [entries, voted, candidates] = await Promise.all([
    matchingRollEntries(prisma, actor, election.id),
    prisma.participation.findUnique({ where: { electionId_userId: { electionId: election.id, userId: actor.id } } }).then((p) => p !== null),
    prisma.candidacy.findMany({
      where: { electionId: election.id, status: "ACCEPTED" },
      select: { id: true, displayName: true, affiliation: true, statement: true },
    }),
  ]);

  // Shuffled per voter and stable for them (no first-listed advantage); computed here, stored nowhere.
  const ordered = candidateOrder(candidates, { electionId: election.id, userId: actor.id }, candidateOrderKey(receiptSecret()));
  const eligible = entries.length > 0;
  // Every roll entry naming this person already has a ballot, cast from another account.
  const entryTaken =
    eligible && !voted && (await prisma.participation.count({ where: { entryId: { in: entries.map((e) => e.id) } } })) === entries.length;

  let refusal: ReactNode = null;
  if (phase !== "voting") {
    const ended = votingEndedAt(election);
    refusal =
      phase === "cancelled" ? (
        <>Voting is not open: this election was cancelled.{election.cancelReason ? ` Reason: ${election.cancelReason}` : ""}</>
      ) : phase === "upcoming" || phase === "nominations" || phase === "campaign" || phase === "draft" ? (
        <>
          Voting is not open.{" "}
          {election.votingOpenAt ? (
            <>
              Voting opens <LocalTime iso={election.votingOpenAt.toISOString()} />.
            </>
          ) : (
            "Its voting dates are not set yet."
          )}
        </>
      ) : (
        // When voting really ended: an early close, never the scheduled end still ahead.
        <>
          Voting is not open. Voting closed{ended ? <> <LocalTime iso={ended.toISOString()} /></> : null}.
        </>
      );
  } else if (entryTaken) {
    refusal = (
      <>
        A ballot has already been cast for your entry on the electorate, from another account. Each entry has one ballot. If that was not you,
        tell the officials of this election.
      </>
    );
  } else if (!eligible && !voted) {
    refusal = (
      <>
        You are not on the electorate for this election, so you cannot vote.{" "}
        <Link href={`${electionHref(community, slug)}/exception`} className={link}>
          Request a voter exception
        </Link>{" "}
        if you think you should be.
      </>
    );
  }

  return (
    <div className="max-w-3xl space-y-6">
      {back}
      <h1 className={h1}>Vote: {election.title}</h1>
      <p className="flex flex-wrap items-center gap-2 text-gray-800">
        <PhaseBadge phase={phase} />
        {phase === "voting" && election.votingCloseAt && (
          <span>
            Voting closes <LocalTime iso={election.votingCloseAt.toISOString()} />.
          </span>
        )}
        <span>
          {election.seats} seat{election.seats === 1 ? "" : "s"}.
        </span>
      </p>
      {refusal ? (
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950" data-testid="vote-refused">
          {refusal}
        </p>
      ) : (
        <>
          <RankingBallot
            electionTitle={election.title}
            slug={slug}
            candidates={ordered.map((c) => ({ id: c.id, name: c.displayName, affiliation: c.affiliation, href: electionHref(community, slug, `/candidates/${c.id}`) }))}
            statements={Object.fromEntries(ordered.map((c) => [c.id, <Markdown key={c.id} text={c.statement} />]))}
            unrankedRule={unrankedRuleInWords(election.unranked, election.method)}
            hasVoted={voted}
            cast={castBallotAction.bind(null, election.id)}
            replace={replaceBallotAction.bind(null, election.id)}
            view={viewBallotAction.bind(null, election.id)}
          />
        </>
      )}
    </div>
  );
}
