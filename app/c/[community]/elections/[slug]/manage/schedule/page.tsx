import { ActionForm } from "@/components/forms/ActionForm";
import { LockedNote, ReadOnlyFields } from "@/components/forms/ReadOnly";
import { LocalTime } from "@/components/LocalTime";
import { ManageShell } from "@/components/manage/ManageShell";
import { ScheduleForm } from "@/components/manage/ScheduleForm";
import { h3, hint, link } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { utcMinute } from "@/app/_lib/utc-minute";
import { SCHEDULE_FIELDS, openElectionMissing, scheduleEditability, type ScheduleField } from "@/lib/elections/lifecycle-rules";
import { openElectionAction, saveSchedule } from "../actions";

export const generateMetadata = manageMetadata("step 2 of 9");

/** The exact instant, for a hidden field that must round-trip unchanged (the action reads it as UTC). */
const exactUtc = (d: Date | null) => (d ? d.toISOString().slice(0, 23) : "");

const NOT_OFFICIAL = "Only this election's officials can change this.";

export default async function SchedulePage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "schedule");
  if (!m.ok) return m.forbidden;
  const { election, official, now, facts } = m;
  const schedule = official ? scheduleEditability(election, now) : ({ mode: "locked", reason: NOT_OFFICIAL } as const);
  const missing = openElectionMissing(election);
  const keys = Object.keys(SCHEDULE_FIELDS) as ScheduleField[];
  const rows = keys.map((name) => ({
    name,
    label: SCHEDULE_FIELDS[name],
    value: utcMinute(election[name]),
    saved: election[name] ? `${utcMinute(election[name])} UTC` : null,
  }));
  const when = (d: Date | null) => (d ? <LocalTime iso={d.toISOString()} /> : "not set");
  const bound = <A extends unknown[], R>(fn: (electionId: string, slug: string, ...rest: A) => R) => fn.bind(null, election.id, m.base);
  const emptyRoll = facts.electorate === 0;

  return (
    <ManageShell m={m} current="schedule" heading="Schedule and opening">
      {/* Fixed slots, so the form keeps its "saved" message when a save changes what may be edited (e.g. voting just opened). */}
      {schedule.mode === "locked" ? (
        <LockedNote>{schedule.reason}</LockedNote>
      ) : schedule.mode === "extend-close" ? (
        <LockedNote>Voting is open: the other dates are fixed, and the closing time can only move later.</LockedNote>
      ) : (
        <p className={hint} id="utc-note">
          Write every time as <strong>YYYY-MM-DD HH:MM</strong>, 24-hour, in <strong>UTC</strong> (not your local time), e.g. 2026-12-04 17:00.
        </p>
      )}
      {schedule.mode !== "all" && (
        <ReadOnlyFields
          testId="schedule-readonly"
          rows={(schedule.mode === "locked" ? rows : rows.slice(0, 3)).map((r) => [r.label, when(election[r.name as ScheduleField])])}
        />
      )}
      {schedule.mode !== "locked" && (
        <div id="schedule-form">
          <ScheduleForm
            action={bound(saveSchedule)}
            rows={schedule.mode === "all" ? rows : rows.slice(3)}
            hidden={schedule.mode === "all" ? [] : keys.slice(0, 3).map((name) => ({ name, value: exactUtc(election[name]) }))}
            submitLabel={schedule.mode === "all" ? "Save schedule" : "Extend voting"}
          />
        </div>
      )}
      {official && election.state === "DRAFT" && (
        <section aria-labelledby="open-h" className="mt-8" data-testid="open-election">
          <h3 id="open-h" className={h3}>
            Open the election
          </h3>
          {missing.length > 0 ? (
            <div className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="open-missing">
              <p className="font-semibold">The election cannot be opened yet:</p>
              <ul className="mt-1 list-disc pl-5">
                {missing.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
              <p className="mt-2">
                <a href="#schedule-form" className={link}>
                  Set the schedule above
                </a>
                , save it, then open the election here.
              </p>
            </div>
          ) : (
            <>
              <p className={hint}>Opening makes the election public; from then on its phase follows the schedule.</p>
              {emptyRoll && (
                <p className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="open-empty-roll">
                  The electorate is empty: nobody will be able to vote until you import it. You can still import it after opening, until voting opens.
                </p>
              )}
              <div className="mt-3">
                <ActionForm
                  action={bound(openElectionAction)}
                  submitLabel="Open election"
                  confirm={
                    emptyRoll
                      ? "The electorate is empty: nobody will be able to vote until you import it. Open anyway?"
                      : "Make the election public? Its phase will then follow the schedule."
                  }
                />
              </div>
            </>
          )}
        </section>
      )}
    </ManageShell>
  );
}
