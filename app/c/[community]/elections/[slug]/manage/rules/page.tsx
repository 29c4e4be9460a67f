import { ActionForm } from "@/components/forms/ActionForm";
import { ElectionRulesFields } from "@/components/forms/ElectionRulesFields";
import { LockedNote, ReadOnlyFields } from "@/components/forms/ReadOnly";
import { ManageShell } from "@/components/manage/ManageShell";
import { METHOD_LABELS, STRENGTH_LABELS, capInWords } from "@/components/election-text";
import { hint, input, label } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { settingsLockReason } from "@/lib/elections/lifecycle-rules";
import { saveSettings } from "../actions";

export const generateMetadata = manageMetadata("step 1 of 9");

const NOT_OFFICIAL = "Only this election's officials can change this.";

export default async function RulesPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "rules");
  if (!m.ok) return m.forbidden;
  const { election, official, now } = m;
  const locked = official ? settingsLockReason(election, now) : NOT_OFFICIAL;
  const continuing = Array.isArray(election.continuingMembers) ? (election.continuingMembers as { name: string; affiliation: string }[]) : [];
  return (
    <ManageShell m={m} current="rules" heading="Rules">
      {locked ? (
        <>
          <LockedNote>{locked}</LockedNote>
          <ReadOnlyFields
            testId="settings-readonly"
            rows={[
              ["Title", election.title],
              ["Seats", String(election.seats)],
              ["Counting method", METHOD_LABELS[election.method] ?? election.method],
              ["Unranked candidates", election.unranked === "last" ? "Below every ranked candidate (last)" : "No opinion (exclude)"],
              ["Defeat strength", STRENGTH_LABELS[election.strength] ?? election.strength],
              ["Affiliation cap", capInWords(election.maxPerAffiliation)],
              ["Continuing members", continuing.length ? continuing.map((c) => `${c.name} (${c.affiliation || "none"})`).join(", ") : "none"],
              ["Ballots published with the results", election.publishBallots ? "yes" : "no"],
            ]}
          />
        </>
      ) : (
        <>
          <p className={hint}>Settings can change only before voting opens.</p>
          <ActionForm action={saveSettings.bind(null, election.id, m.base)} submitLabel="Save settings" ariaLabel="Settings" className="mt-3 max-w-2xl space-y-4">
            <div>
              <label htmlFor="title" className={label}>
                Title
              </label>
              <input id="title" name="title" required defaultValue={election.title} className={`${input} mt-1`} />
            </div>
            <div>
              <label htmlFor="description" className={label}>
                Description (Markdown)
              </label>
              <textarea id="description" name="description" rows={4} defaultValue={election.description} className={`${input} mt-1`} />
            </div>
            <ElectionRulesFields
              defaults={{
                seats: election.seats,
                method: election.method,
                unranked: election.unranked,
                strength: election.strength,
                maxPerAffiliation: election.maxPerAffiliation,
              }}
            />
            <div>
              <label htmlFor="continuingMembers" className={label}>
                Continuing members (seats not up)
              </label>
              <textarea
                id="continuingMembers"
                name="continuingMembers"
                rows={3}
                defaultValue={continuing.map((c) => `${c.name}, ${c.affiliation}`).join("\n")}
                aria-describedby="continuing-hint"
                className={`${input} mt-1`}
              />
              <p id="continuing-hint" className={hint}>
                One per line: <code>Name, Affiliation</code>. They count towards the affiliation cap.
              </p>
            </div>
            <div className="flex min-h-10 items-center gap-2">
              <input id="publishBallots" name="publishBallots" type="checkbox" defaultChecked={election.publishBallots} className="h-5 w-5" />
              <label htmlFor="publishBallots" className="flex min-h-10 items-center text-sm font-semibold">
                Publish the anonymized ballots with the results
              </label>
            </div>
          </ActionForm>
        </>
      )}
    </ManageShell>
  );
}
