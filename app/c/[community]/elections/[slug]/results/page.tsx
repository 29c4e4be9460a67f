import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db/client";
import type { StoredResult } from "@/lib/elections/tally-election";
import { PairwiseTables } from "@/components/results/PairwiseTables";
import { WinnersBox } from "@/components/results/WinnersBox";
import { RankingTable } from "@/components/results/RankingTable";
import { RoundsTable } from "@/components/results/RoundsTable";
import { Turnout } from "@/components/results/Turnout";
import { CountRecord } from "@/components/results/CountRecord";
import { CheckItYourself } from "@/components/results/CheckItYourself";
import { Cancelled } from "@/components/results/Cancelled";
import { VotingEnded } from "@/components/results/VotingEnded";
import { ActionForm } from "@/components/forms/ActionForm";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { h1, link } from "@/components/ui";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { BackToElection } from "@/components/BackToElection";
import { CheckYourBallot } from "@/components/results/CheckYourBallot";
import { viewBallotAction } from "../vote/actions";
import { publishAction } from "../manage/actions";
import { electionHref } from "@/app/_lib/paths";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? `Results: ${e.title}` : "Results" };
}

export default async function ResultsPage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor, official, canManage, phase } = await loadElection({ community, slug });
  const base = electionHref(community, slug);
  const reviewing = election.state === "TALLIED" && canManage;
  const votingOver = ["CLOSED", "TALLIED", "PUBLISHED"].includes(election.state);
  const header = (
    <>
      <BackToElection href={base} title={election.title} />
      <h1 className={h1}>Results: {election.title}</h1>
    </>
  );
  if (election.state !== "PUBLISHED" && !reviewing) {
    return (
      <div className="space-y-4">
        {header}
        <p>
          <PhaseBadge phase={phase} />
        </p>
        {election.state === "CANCELLED" ? (
          <Cancelled at={election.cancelledAt} reason={election.cancelReason}>
            <p className="mt-2">No results will be published.</p>
          </Cancelled>
        ) : (
          <>
            {votingOver && (
              <p className="text-gray-800">
                Voting closed <VotingEnded election={election} />.
              </p>
            )}
            <p className="text-gray-800" data-testid="results-not-published">
              The results are not published yet.
            </p>
          </>
        )}
      </div>
    );
  }

  const [row, audit] = await Promise.all([
    prisma.result.findUnique({ where: { electionId: election.id } }),
    prisma.auditEntry.findFirst({ where: { electionId: election.id }, orderBy: { seq: "desc" }, select: { seq: true, hash: true, action: true } }),
  ]);
  if (!row) notFound();
  const r = row.data as unknown as Omit<StoredResult, "turnout"> & { turnout?: StoredResult["turnout"] };
  const names = new Map(r.candidates.map((c) => [c.id, c.name]));
  const ordered = r.ranking.flat().map((id) => ({ id, name: names.get(id) ?? id }));

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        {header}
        <p className="flex flex-wrap items-center gap-2 text-gray-800">
          <PhaseBadge phase={phase} />
          {row.publishedAt ? (
            <span>
              Published <LocalTime iso={row.publishedAt.toISOString()} />
            </span>
          ) : (
            <span>
              Counted <LocalTime iso={row.talliedAt.toISOString()} />
            </span>
          )}
          {votingOver && !r.unopposed && (
            <span>
              · Voting closed <VotingEnded election={election} />
            </span>
          )}
        </p>
        {reviewing && (
          <div className="space-y-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="under-review">
            <p role="status">
              Under review: only officials can see this result until it is published. Check it, then publish it here or from the{" "}
              <Link href={`${base}/manage/tally`} className={link}>
                official dashboard
              </Link>
              .
            </p>
            {official && (
              <ActionForm
                action={publishAction.bind(null, election.id, base)}
                submitLabel="Publish results"
                confirm="Publish the results to everyone?"
                ariaLabel="Publish the results"
              />
            )}
          </div>
        )}
      </header>

      <WinnersBox r={r} />
      <Turnout r={r} />
      <RankingTable r={r} />

      <PairwiseTables r={r} ordered={ordered} />

      <CountRecord r={r} />

      {r.rounds && r.rounds.length > 0 && <RoundsTable rounds={r.rounds} order={ordered} />}

      {election.state === "PUBLISHED" && election.publishBallots && (
        <CheckYourBallot signedIn={!!actor} base={base} view={viewBallotAction.bind(null, election.id)} candidates={ordered} />
      )}

      <CheckItYourself
        ballotHash={r.ballotHash}
        checkpoint={row.publishedAuditSeq !== null ? { seq: row.publishedAuditSeq, hash: row.publishedAuditHash } : null}
        head={audit}
        downloadsFrom={election.publishBallots || canManage ? base : null}
      />
    </article>
  );
}
