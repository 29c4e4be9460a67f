import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db/client";
import type { StoredResult } from "@/lib/elections/tally-election";
import { PairwiseHeatmap } from "@/components/results/PairwiseHeatmap";
import { StrongestPaths } from "@/components/results/StrongestPaths";
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
import { h1, h2, link } from "@/components/ui";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { BackToElection } from "@/components/BackToElection";
import { ReceiptCheck } from "@/components/ballot/ReceiptCheck";
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

      {Object.keys(r.pairwise).length > 0 && (
        <section aria-labelledby="pairwise-h">
          <h2 id="pairwise-h" className={h2}>
            Head to head
          </h2>
          <p className="mt-2 text-gray-800">Each number is how many voters ranked the row&apos;s candidate above the column&apos;s candidate.</p>
          <div className="mt-3">
            <PairwiseHeatmap candidates={ordered} pairwise={r.pairwise} caption="Voters preferring the row candidate over the column candidate" />
          </div>
        </section>
      )}

      {r.strongestPaths && (
        <section aria-labelledby="paths-h">
          <h2 id="paths-h" className={h2}>
            Strongest paths
          </h2>
          <p className="mt-2 text-gray-800">
            The strength of the strongest chain of head-to-head wins from the row candidate to the column candidate. A candidate ranks above another
            when their path to them is stronger than the path back.
          </p>
          <div className="mt-3">
            <StrongestPaths candidates={ordered} paths={r.strongestPaths} />
          </div>
          <p className="mt-2 text-sm text-gray-800">Bold: the path is stronger than the path back.</p>
        </section>
      )}

      <CountRecord r={r} />

      {r.rounds && r.rounds.length > 0 && <RoundsTable rounds={r.rounds} order={ordered} />}

      {election.state === "PUBLISHED" && election.publishBallots && (
        <section aria-labelledby="receipt-check-h">
          <h2 id="receipt-check-h" className={h2}>
            Check that your ballot was counted
          </h2>
          {actor ? (
            <>
              <p className="mt-2 text-gray-800">Enter the receipt code you got when you voted to see the ballot it names and the hash it is published under.</p>
              <ReceiptCheck view={viewBallotAction.bind(null, election.id)} candidates={ordered} jsonHref={`${base}/export?format=json`} />
            </>
          ) : (
            <p className="mt-2 text-gray-800">
              <Link href={`/signin?callbackUrl=${encodeURIComponent(`${base}/results`)}`} className={link}>
                Sign in
              </Link>{" "}
              with the account you voted with, then enter your receipt code: a receipt only opens its own voter&apos;s ballot.
            </p>
          )}
        </section>
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
