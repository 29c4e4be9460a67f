import { prisma } from "@/lib/db/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { LockedNote } from "@/components/forms/ReadOnly";
import { ManageShell } from "@/components/manage/ManageShell";
import { hint, input, label } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { electorateImportRules } from "@/lib/elections/lifecycle-rules";
import { importElectorateAction } from "../actions";

export const generateMetadata = manageMetadata("step 3 of 9");

const NOT_OFFICIAL = "Only this election's officials can change this.";

export default async function ElectoratePage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "electorate");
  if (!m.ok) return m.forbidden;
  const { election, official, now, facts } = m;
  const rules = official ? electorateImportRules(election, now) : ({ add: false, replace: false, reason: NOT_OFFICIAL } as const);
  const sample = await prisma.electorateEntry.findMany({ where: { electionId: election.id }, take: 20, orderBy: [{ githubLogin: "asc" }, { email: "asc" }] });

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
            </p>
          </div>
          <div>
            <label htmlFor="electorate-file" className={label}>
              …or upload a file
            </label>
            <input id="electorate-file" name="file" type="file" accept=".csv,.yaml,.yml,.txt" className="mt-1 block min-h-10 w-full text-sm" />
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
      {sample.length > 0 && (
        <details className="mt-3">
          <summary className="flex min-h-10 cursor-pointer items-center font-semibold">First {sample.length} entries</summary>
          <ul className="mt-2 list-disc break-words pl-5 text-sm">
            {sample.map((e) => (
              <li key={e.id}>
                {[e.githubLogin && `@${e.githubLogin}`, e.email, e.name].filter(Boolean).join(" · ")} {e.source === "exception" && "(exception)"}
              </li>
            ))}
          </ul>
        </details>
      )}
    </ManageShell>
  );
}
