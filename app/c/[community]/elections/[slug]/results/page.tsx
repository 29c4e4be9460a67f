import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db/client";
import type { TallyResult } from "@/lib/tally/types";
import { PairwiseHeatmap } from "@/components/results/PairwiseHeatmap";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { capInWords, methodInWords, unrankedRuleInWords } from "@/components/election-text";
import { card, h1, h2, link, th, td } from "@/components/ui";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { BackToElection } from "@/components/BackToElection";
import { ReceiptCheck } from "@/components/ballot/ReceiptCheck";
import { viewBallotAction } from "../vote/actions";
import { electionHref } from "@/app/_lib/paths";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? `Results: ${e.title}` : "Results" };
}

type StoredResult = TallyResult & { turnout?: { voted: number; electorate: number; ballots?: number } };

export default async function ResultsPage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor, official, canManage, phase } = await loadElection({ community, slug });
  const reviewing = election.state === "TALLIED" && canManage;
  if (election.state !== "PUBLISHED" && !reviewing) {
    return (
      <div className="space-y-4">
        <BackToElection href={electionHref(community, slug)} title={election.title} />
        <h1 className={h1}>Results: {election.title}</h1>
        <p>
          <PhaseBadge phase={phase} />
        </p>
        <p className="text-gray-800" data-testid="results-not-published">
          The results are not published yet.
        </p>
      </div>
    );
  }

  const [row, audit] = await Promise.all([
    prisma.result.findUnique({ where: { electionId: election.id } }),
    prisma.auditEntry.findFirst({ where: { electionId: election.id }, orderBy: { seq: "desc" }, select: { seq: true, hash: true, action: true } }),
  ]);
  if (!row) notFound();
  const r = row.data as unknown as StoredResult;
  const names = new Map(r.candidates.map((c) => [c.id, c.name]));
  const affiliation = new Map(r.candidates.map((c) => [c.id, c.affiliation || "none"]));
  const name = (id: string) => names.get(id) ?? id;
  const ordered = r.ranking.flat().map((id) => ({ id, name: name(id) }));
  const turnout = r.turnout;
  const canDownload = election.publishBallots || canManage;

  let place = 1;
  const rankingRows = r.ranking.map((tier) => {
    const at = place;
    place += tier.length;
    return { at, tier };
  });

  return (
    <article className="space-y-6">
      <BackToElection href={electionHref(community, slug)} title={election.title} />
      <header className="space-y-2">
        <h1 className={h1}>Results: {election.title}</h1>
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
        </p>
        {reviewing && (
          <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
            Under review: only officials can see this result until it is published from the{" "}
            <Link href={`${electionHref(community, slug)}/manage`} className={link}>
              official dashboard
            </Link>
            .
          </p>
        )}
      </header>

      <section aria-labelledby="winners-h" className={`${card} border-2 border-green-800`}>
        <h2 id="winners-h" className="text-xl font-bold text-gray-950">
          Elected ({r.winners.length} of {r.seats} seat{r.seats === 1 ? "" : "s"})
        </h2>
        <ol className="mt-3 list-decimal space-y-1 pl-6 text-lg" data-testid="winners">
          {r.winners.map((id) => (
            <li key={id}>
              <strong>{name(id)}</strong> <span className="text-base text-gray-800">({affiliation.get(id)})</span>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm text-gray-800">
          Method: {methodInWords(r.method, r.strength)}. {unrankedRuleInWords(r.unranked, r.method)} {capInWords(r.maxPerAffiliation)}
        </p>
      </section>

      <section aria-labelledby="turnout-h">
        <h2 id="turnout-h" className={h2}>
          Turnout
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="turnout">
          <dt className="font-semibold">Ballots counted</dt>
          <dd>{r.ballots}</dd>
          <dt className="font-semibold">Abstentions (empty ballots)</dt>
          <dd>{r.abstentions}</dd>
          {turnout && (
            <>
              <dt className="font-semibold">Voted / electorate</dt>
              <dd>
                {turnout.voted} of {turnout.electorate}
                {turnout.electorate > 0 && ` (${((100 * turnout.voted) / turnout.electorate).toFixed(1)}%)`}
              </dd>
              {/* The count refuses unless these are equal; both are shown so anyone can see that they were. */}
              <dt className="font-semibold">Voters recorded / ballots in the box</dt>
              <dd data-testid="ballots-vs-voters">
                {turnout.voted} / {turnout.ballots ?? r.ballots}
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="ranking-h">
        <h2 id="ranking-h" className={h2}>
          Full ranking
        </h2>
        <div className="relative mt-3 overflow-x-auto">
        <table className="border-collapse text-sm" data-testid="full-ranking">
          <caption className="sr-only">Every candidate, best first; candidates sharing a place are tied.</caption>
          <thead>
            <tr>
              <th scope="col" className={th}>
                Place
              </th>
              <th scope="col" className={th}>
                Candidate
              </th>
              <th scope="col" className={th}>
                Affiliation
              </th>
              <th scope="col" className={th}>
                Outcome
              </th>
            </tr>
          </thead>
          <tbody>
            {rankingRows.flatMap(({ at, tier }) =>
              tier.map((id) => (
                <tr key={id}>
                  <td className={td}>
                    {at}
                    {tier.length > 1 && " (tie)"}
                  </td>
                  <td className="border border-gray-400 p-2 font-semibold">{name(id)}</td>
                  <td className={td}>{affiliation.get(id)}</td>
                  <td className={td}>
                    {r.winners.includes(id) ? "Elected" : r.skippedForCap.some((s) => s.candidate === id) ? "Skipped for the affiliation cap" : "—"}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
        </div>
      </section>

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
          <div className="relative mt-3 overflow-x-auto">
            <table className="border-collapse text-sm" data-testid="strongest-paths">
              <caption className="sr-only">Strongest path strengths, row candidate to column candidate</caption>
              <thead>
                <tr>
                  <td className="sticky left-0 bg-white" />
                  {ordered.map((c) => (
                    <th key={c.id} scope="col" className={th}>
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ordered.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="sticky left-0 border border-gray-400 bg-gray-100 p-2 text-left whitespace-nowrap">
                      {a.name}
                    </th>
                    {ordered.map((b) => {
                      const p = r.strongestPaths?.[a.id]?.[b.id] ?? 0;
                      const back = r.strongestPaths?.[b.id]?.[a.id] ?? 0;
                      return (
                        <td key={b.id} className={`border border-gray-400 p-2 text-center tabular-nums ${a.id !== b.id && p > back ? "font-bold" : ""}`}>
                          {a.id === b.id ? "—" : p}
                          {a.id !== b.id && p > back && <span className="sr-only"> (stronger than the path back)</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-sm text-gray-800">Bold: the path is stronger than the path back.</p>
        </section>
      )}

      <section aria-labelledby="cap-h">
        <h2 id="cap-h" className={h2}>
          Affiliation cap
        </h2>
        {r.skippedForCap.length === 0 ? (
          <p className="mt-2 text-gray-800">{r.maxPerAffiliation ? "No candidate was skipped for the affiliation cap." : "This election has no affiliation cap."}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="skipped-for-cap">
            {r.skippedForCap.map((s) => (
              <li key={`${s.candidate}-${s.seat}`}>
                <strong>{name(s.candidate)}</strong> ({s.affiliation}) would have taken seat {s.seat} but was skipped: {s.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ties-h">
        <h2 id="ties-h" className={h2}>
          Tie-breaks
        </h2>
        {r.tieBreaks.length === 0 ? (
          <p className="mt-2 text-gray-800">No tie had to be broken.</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="tie-breaks">
            {r.tieBreaks.map((t, i) => (
              <li key={i} className={card}>
                <p>
                  <strong>{t.decision}:</strong> tie between {t.among.map(name).join(", ")}.
                </p>
                <p>Order chosen: {t.order.map(name).join(" › ")}.</p>
                <p className="text-sm text-gray-800">Rule: {t.rule}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {r.rounds && r.rounds.length > 0 && <RoundsTable rounds={r.rounds} order={ordered} />}

      {election.state === "PUBLISHED" && election.publishBallots && (
        <section aria-labelledby="receipt-check-h">
          <h2 id="receipt-check-h" className={h2}>
            Check that your ballot was counted
          </h2>
          {actor ? (
            <>
              <p className="mt-2 text-gray-800">Enter the receipt code you got when you voted to see the ballot it names and the hash it is published under.</p>
              <ReceiptCheck view={viewBallotAction.bind(null, election.id)} candidates={ordered} jsonHref={`${electionHref(community, slug)}/export?format=json`} />
            </>
          ) : (
            <p className="mt-2 text-gray-800">
              <Link href={`/signin?callbackUrl=${encodeURIComponent(`${electionHref(community, slug)}/results`)}`} className={link}>
                Sign in
              </Link>{" "}
              with the account you voted with, then enter your receipt code: a receipt only opens its own voter&apos;s ballot.
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="verify-h">
        <h2 id="verify-h" className={h2}>
          Check it yourself
        </h2>
        <dl className="mt-3 space-y-2">
          <div>
            <dt className="font-semibold">Ballot set hash (SHA-256; seeds every tie-break)</dt>
            <dd>
              <code className="break-all" data-testid="ballot-hash">
                {r.ballotHash}
              </code>
            </dd>
          </div>
          {row.publishedAuditSeq !== null && (
            <div>
              <dt className="font-semibold">Audit log checkpoint at publication (entry #{row.publishedAuditSeq} of the whole chain; HMAC-SHA-256)</dt>
              <dd>
                <code className="break-all" data-testid="audit-checkpoint">
                  {row.publishedAuditHash}
                </code>
              </dd>
            </div>
          )}
          {audit && (
            <div>
              <dt className="font-semibold">Audit log head for this election (entry #{audit.seq}, {audit.action})</dt>
              <dd>
                <code className="break-all" data-testid="audit-head">
                  {audit.hash}
                </code>
              </dd>
            </div>
          )}
        </dl>
        {canDownload && (
          <>
            <p className="mt-4">Download the anonymized ballots, in shuffled order:</p>
            <ul className="mt-2 flex flex-wrap gap-4" aria-label="Ballot downloads">
              <li>
                <a href={`${electionHref(community, slug)}/export?format=json`} className={link} download>
                  Hustings JSON
                </a>
              </li>
              <li>
                <a href={`${electionHref(community, slug)}/export?format=csv`} className={link} download>
                  Elekto CSV
                </a>
              </li>
              <li>
                <a href={`${electionHref(community, slug)}/export?format=blt`} className={link} download>
                  BLT
                </a>
              </li>
            </ul>
            <p className="mt-3 text-gray-800">
              Re-count them offline with the same engine: <code className="rounded bg-gray-100 px-1">npx hustings tally ballots.json</code> (add{" "}
              <code className="rounded bg-gray-100 px-1">--format json</code> for machine-readable output).
            </p>
          </>
        )}
      </section>
    </article>
  );
}

function RoundsTable({ rounds, order }: { rounds: NonNullable<TallyResult["rounds"]>; order: { id: string; name: string }[] }) {
  const name = (id: string) => order.find((c) => c.id === id)?.name ?? id;
  return (
    <section aria-labelledby="rounds-h">
      <h2 id="rounds-h" className={h2}>
        Counting rounds
      </h2>
      <div className="relative mt-3 overflow-x-auto">
        <table className="border-collapse text-sm" data-testid="rounds">
          <caption className="sr-only">Votes per candidate at each stage of the count</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-gray-400 bg-gray-100 p-2">
                Stage
              </th>
              <th scope="col" className={th}>
                Action
              </th>
              {order.map((c) => (
                <th key={c.id} scope="col" className="border border-gray-400 bg-gray-100 p-2">
                  {c.name}
                </th>
              ))}
              <th scope="col" className="border border-gray-400 bg-gray-100 p-2">
                Exhausted
              </th>
              <th scope="col" className={th}>
                Elected / excluded
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((rd) => (
              <tr key={rd.stage}>
                <th scope="row" className={td}>
                  {rd.stage}
                </th>
                <td className={td}>{rd.action}</td>
                {order.map((c) => (
                  <td key={c.id} className="border border-gray-400 p-2 text-right tabular-nums">
                    {rd.votes[c.id] ?? ""}
                  </td>
                ))}
                <td className="border border-gray-400 p-2 text-right tabular-nums">{rd.exhausted}</td>
                <td className={td}>
                  {rd.elected.length > 0 && <>Elected: {rd.elected.map(name).join(", ")}. </>}
                  {rd.excluded.length > 0 && <>Excluded: {rd.excluded.map(name).join(", ")}.</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rounds[0]?.quota !== undefined && <p className="mt-2 text-sm text-gray-800">Quota: {rounds[0].quota}</p>}
    </section>
  );
}
