import Link from "next/link";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { LockedNote } from "@/components/forms/ReadOnly";
import { ManageShell } from "@/components/manage/ManageShell";
import { RollFilePicker } from "@/components/manage/RollFilePicker";
import { DecisionForm, DecisionPanel } from "@/components/manage/DecisionPanel";
import { btn, btnPrimary, h3, hint, input, label, link } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { electorateImportRules } from "@/lib/elections/lifecycle-rules";
import { importElectorateAction, removeElectorateEntryAction } from "../actions";

export const generateMetadata = manageMetadata("step 3 of 9");

const NOT_OFFICIAL = "Only this election's officials can change this.";
/** Entries per page of the roll: a 10,000-person roll is read a page at a time, on the server. */
const PAGE_SIZE = 50;

type Search = { q?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ElectoratePage({ params, searchParams }: { params: Promise<{ community: string; slug: string }>; searchParams: Promise<Search> }) {
  const m = await loadManagedElection(await params, "electorate");
  if (!m.ok) return m.forbidden;
  const { election, official, now, facts } = m;
  const rules = official ? electorateImportRules(election, now) : ({ add: false, replace: false, reason: NOT_OFFICIAL } as const);
  const search = await searchParams;
  const q = one(search.q).trim().replace(/^@/, "").slice(0, 200);
  const requestedPage = Math.max(1, Math.floor(Number(one(search.page)) || 1));
  const where: Prisma.ElectorateEntryWhereInput = {
    electionId: election.id,
    ...(q && {
      OR: [
        { githubLogin: { contains: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { name: { contains: q, mode: "insensitive" } },
      ],
    }),
  };
  const matching = q ? await prisma.electorateEntry.count({ where }) : facts.electorate;
  const pages = Math.max(1, Math.ceil(matching / PAGE_SIZE));
  const page = Math.min(requestedPage, pages);
  const entries = await prisma.electorateEntry.findMany({
    where,
    orderBy: [{ githubLogin: "asc" }, { email: "asc" }, { id: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: { id: true, githubLogin: true, email: true, name: true, source: true },
  });
  const here = `${m.base}/manage/electorate`;
  const pageHref = (p: number) => `${here}?${new URLSearchParams({ ...(q && { q }), ...(p > 1 && { page: String(p) }) }).toString()}#roll`;
  const removeAction = removeElectorateEntryAction.bind(null, election.id, m.base);

  return (
    <ManageShell m={m} current="electorate" heading={`Electorate (${facts.electorate})`}>
      {!rules.add && <LockedNote>{rules.reason}</LockedNote>}
      {rules.add && (
        <ActionForm action={importElectorateAction.bind(null, election.id, m.base)} submitLabel="Import electorate" ariaLabel="Import electorate" className="mt-3 max-w-2xl space-y-4">
          <div>
            <label htmlFor="electorate-text" className={label}>
              Paste the electorate
            </label>
            <textarea id="electorate-text" name="text" rows={6} aria-describedby="electorate-hint" className={`${input} mt-1 font-mono`} />
            <p id="electorate-hint" className={hint}>
              CSV with a <code>login,email,name</code> header, the YAML of Kata&apos;s electorate script, or Elekto <code>voters.yaml</code>. The format is detected.
              Every wrong line is listed, and nothing is imported until all are right.
            </p>
          </div>
          <div>
            <p className={label}>…or upload a file</p>
            <RollFilePicker id="electorate-file" name="file" accept=".csv,.yaml,.yml,.txt" />
          </div>
          <fieldset>
            <legend className={label}>Mode</legend>
            <div className="mt-1 flex flex-wrap gap-x-6">
              <label className="flex min-h-10 items-center gap-2">
                <input type="radio" name="mode" value="add" defaultChecked className="h-5 w-5" /> Add to the current electorate
              </label>
              <label className="flex min-h-10 items-center gap-2">
                <input type="radio" name="mode" value="replace" className="h-5 w-5" /> Replace the current electorate
              </label>
            </div>
          </fieldset>
        </ActionForm>
      )}
      <section aria-labelledby="roll-h" className="mt-8" id="roll">
        <h3 id="roll-h" className={h3}>
          The roll
        </h3>
        <form method="get" action={here} role="search" aria-label="Search the roll" className="mt-2 flex max-w-2xl flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="roll-q" className={label}>
              Search by login, email or name
            </label>
            <input id="roll-q" name="q" type="search" defaultValue={q} maxLength={200} className={`${input} mt-1`} />
          </div>
          <button type="submit" className={btnPrimary}>
            Search
          </button>
          {q && (
            <Link href={`${here}#roll`} className={btn}>
              Show everyone
            </Link>
          )}
        </form>
        <p className="mt-2 text-sm text-gray-800" data-testid="roll-count" aria-live="polite">
          {q ? `${matching} of ${facts.electorate} match “${q}”.` : `${facts.electorate} on the roll.`}
          {matching > PAGE_SIZE && ` Page ${page} of ${pages}.`}
          {rules.add && matching > 0 && " Anyone can be removed until voting opens."}
        </p>
        {/* One panel for the page of the roll, so a removal's confirmation stays after its row goes. */}
        <DecisionPanel action={removeAction} className="mt-2 space-y-2">
          {entries.length > 0 && (
            <ul className="divide-y divide-gray-200 rounded-lg border border-gray-300 bg-white" data-testid="roll-entries">
              {entries.map((e) => {
                const who = [e.githubLogin && `@${e.githubLogin}`, e.email, e.name].filter(Boolean).join(" · ");
                return (
                  <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                    <span className="min-w-0 break-words">
                      {who} {e.source === "exception" && <span className="text-gray-700">(exception)</span>}
                    </span>
                    {rules.add && (
                      <DecisionForm
                        ariaLabel={`Remove ${who} from the electorate`}
                        confirm={`Remove ${who} from the electorate? They will not be able to vote unless they are imported again or granted an exception.`}
                      >
                        <input type="hidden" name="entryId" value={e.id} />
                        <button type="submit" className={btn}>
                          Remove<span className="sr-only"> {who}</span>
                        </button>
                      </DecisionForm>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </DecisionPanel>
        {pages > 1 && (
          <nav aria-label="Pages of the roll" className="mt-2 flex flex-wrap items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={pageHref(page - 1)} className={`${link} inline-flex min-h-10 items-center`}>
                ← Previous {PAGE_SIZE}
              </Link>
            )}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages && (
              <Link href={pageHref(page + 1)} className={`${link} inline-flex min-h-10 items-center`}>
                Next {PAGE_SIZE} →
              </Link>
            )}
          </nav>
        )}
      </section>
    </ManageShell>
  );
}
