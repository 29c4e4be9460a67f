import { ActionForm } from "@/components/forms/ActionForm";
import { LockedNote, ReadOnlyFields } from "@/components/forms/ReadOnly";
import { LocalTime } from "@/components/LocalTime";
import { ManageShell } from "@/components/manage/ManageShell";
import { h3, hint, input, label } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { openElectionRefusal, scheduleEditability } from "@/lib/elections/lifecycle-rules";
import { openElectionAction, saveSchedule } from "../actions";

export const generateMetadata = manageMetadata("step 2 of 9");

/** A Date as the value of a datetime-local input, in UTC (the form says so). */
const utcInput = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");
/** The exact instant, for a hidden field that must round-trip unchanged (the action reads it as UTC). */
const exactUtc = (d: Date | null) => (d ? d.toISOString().slice(0, 23) : "");

const NOT_OFFICIAL = "Only this election's officials can change this.";

export default async function SchedulePage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "schedule");
  if (!m.ok) return m.forbidden;
  const { election, official, now } = m;
  const schedule = official ? scheduleEditability(election, now) : ({ mode: "locked", reason: NOT_OFFICIAL } as const);
  const openRefusal = openElectionRefusal(election);
  const rows = [
    ["nominationsOpenAt", "Nominations open (UTC)", election.nominationsOpenAt],
    ["nominationsCloseAt", "Nominations close (UTC)", election.nominationsCloseAt],
    ["votingOpenAt", "Voting opens (UTC)", election.votingOpenAt],
    ["votingCloseAt", "Voting closes (UTC)", election.votingCloseAt],
  ] as const;
  const when = (d: Date | null) => (d ? <LocalTime iso={d.toISOString()} /> : "not set");
  const bound = <A extends unknown[], R>(fn: (electionId: string, slug: string, ...rest: A) => R) => fn.bind(null, election.id, m.base);

  return (
    <ManageShell m={m} current="schedule" heading="Schedule and opening">
      {/* Fixed slots, so the form keeps its "saved" message when a save changes what may be edited (e.g. voting just opened). */}
      {schedule.mode === "locked" ? (
        <LockedNote>{schedule.reason}</LockedNote>
      ) : schedule.mode === "extend-close" ? (
        <LockedNote>Voting is open: the other dates are fixed, and the closing time can only move later.</LockedNote>
      ) : (
        <p className={hint} id="utc-note">
          Enter all times in <strong>UTC</strong> (not your local time). The current values are shown in your time zone under each field.
        </p>
      )}
      {schedule.mode !== "all" && (
        <ReadOnlyFields
          testId="schedule-readonly"
          rows={(schedule.mode === "locked" ? rows : rows.slice(0, 3)).map(([, text, value]) => [text.replace(" (UTC)", ""), when(value)])}
        />
      )}
      {schedule.mode !== "locked" && (
        <ActionForm action={bound(saveSchedule)} submitLabel={schedule.mode === "all" ? "Save schedule" : "Extend voting"} ariaLabel="Schedule" className="mt-3 max-w-2xl space-y-4">
          {schedule.mode === "all" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {rows.map(([name, text, value]) => (
                <div key={name}>
                  <label htmlFor={name} className={label}>
                    {text}
                  </label>
                  <input id={name} name={name} type="datetime-local" required defaultValue={utcInput(value)} aria-describedby="utc-note" className={`${input} mt-1`} />
                  {value && (
                    <p className={hint}>
                      Now: <LocalTime iso={value.toISOString()} />
                    </p>
                  )}
                </div>
              ))}
            </div>
          ) : (
            <div className="max-w-sm">
              {rows.slice(0, 3).map(([name, , value]) => (
                <input key={name} type="hidden" name={name} value={exactUtc(value)} />
              ))}
              <label htmlFor="votingCloseAt" className={label}>
                Voting closes (UTC)
              </label>
              <input
                id="votingCloseAt"
                name="votingCloseAt"
                type="datetime-local"
                required
                defaultValue={utcInput(election.votingCloseAt)}
                min={utcInput(election.votingCloseAt)}
                aria-describedby="extend-hint"
                className={`${input} mt-1`}
              />
              <p id="extend-hint" className={hint}>
                In <strong>UTC</strong>, later than the current close: {when(election.votingCloseAt)}.
              </p>
            </div>
          )}
        </ActionForm>
      )}
      {official && election.state === "DRAFT" && (
        <section aria-labelledby="open-h" className="mt-8">
          <h3 id="open-h" className={h3}>
            Open the election
          </h3>
          <p className={hint}>
            {openRefusal ?? "Opening makes the election public; from then on its phase follows the schedule."}
          </p>
          <div className="mt-3">
            <ActionForm action={bound(openElectionAction)} submitLabel="Open election" confirm="Make the election public? Its phase will then follow the schedule." />
          </div>
        </section>
      )}
    </ManageShell>
  );
}
