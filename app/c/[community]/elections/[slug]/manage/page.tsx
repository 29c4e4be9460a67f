import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { LocalTime } from "@/components/LocalTime";
import { PhaseBadge } from "@/components/PhaseBadge";
import { METHOD_LABELS, STRENGTH_LABELS, capInWords } from "@/components/election-text";
import { LockedNote, ReadOnlyFields } from "@/components/forms/ReadOnly";
import { ElectionRulesFields } from "@/components/forms/ElectionRulesFields";
import { AuditDetails } from "@/components/audit/AuditDetails";
import { AuditVerdict } from "@/components/audit/AuditVerdict";
import { btn, btnDanger, card, h1, h2, h3, hint, input, label, link, th, td } from "@/components/ui";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { settingsLockReason } from "@/lib/elections/update-election-settings";
import { scheduleEditability } from "@/lib/elections/update-election-schedule";
import { closeVotingRefusal } from "@/lib/elections/close-voting";
import { unopposedRefusal } from "@/lib/elections/declare-elected-unopposed";
import { continuingMembersOf } from "@/lib/elections/election-input";
import { canCancelElection } from "@/lib/elections/cancel-election";
import { electorateImportRules } from "@/lib/electorate/import-electorate";
import { exceptionDecisionLockReason } from "@/lib/electorate/decide-exception";
import { reviewLockReason } from "@/lib/candidacies/review-candidacy";
import { BackToElection } from "@/components/BackToElection";
import {
  cancelAction,
  closeVotingAction,
  declareUnopposedAction,
  decideExceptionAction,
  importElectorateAction,
  openElectionAction,
  publishAction,
  reviewCandidacyAction,
  saveSchedule,
  saveSettings,
  tallyAction,
} from "./actions";
import { electionHref } from "@/app/_lib/paths";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? `Official dashboard: ${e.title}` : "Official dashboard" };
}

/** A Date as the value of a datetime-local input, in UTC (the form says so). */
const utcInput = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");
/** The exact instant, for a hidden field that must round-trip unchanged (the action reads it as UTC). */
const exactUtc = (d: Date | null) => (d ? d.toISOString().slice(0, 23) : "");

const NOT_OFFICIAL = "Only this election's officials can change this.";

export default async function ManagePage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor, official, canManage, phase } = await loadElection({ community, slug });

  if (!canManage) {
    return (
      <div className="space-y-4">
        <h1 className={h1}>Official dashboard</h1>
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-4 text-red-900" data-testid="forbidden">
          Forbidden: only the officials of {election.title} can manage it.{" "}
          {!actor && (
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`${electionHref(community, slug)}/manage`)}`} className={link}>
              Sign in
            </Link>
          )}
        </p>
      </div>
    );
  }

  const id = election.id;
  const [candidacies, exceptions, electorateCount, electorateSample, voted, ballots, audit, officials] = await Promise.all([
    prisma.candidacy.findMany({ where: { electionId: id }, orderBy: { createdAt: "asc" } }),
    prisma.exceptionRequest.findMany({
      where: { electionId: id },
      orderBy: { createdAt: "asc" },
      include: { user: { select: { name: true, email: true, githubLogin: true } } },
    }),
    prisma.electorateEntry.count({ where: { electionId: id } }),
    prisma.electorateEntry.findMany({ where: { electionId: id }, take: 20, orderBy: [{ githubLogin: "asc" }, { email: "asc" }] }),
    prisma.participation.count({ where: { electionId: id } }),
    prisma.ballot.count({ where: { electionId: id } }),
    prisma.auditEntry.findMany({ where: { electionId: id }, orderBy: { seq: "desc" }, take: 200 }),
    prisma.official.findMany({ where: { electionId: id }, include: { user: { select: { name: true, githubLogin: true, email: true } } } }),
  ]);
  const globalHead = await prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const bind = <A extends unknown[], R>(fn: (electionId: string, slug: string, ...rest: A) => R) => fn.bind(null, id, electionHref(community, slug));
  const continuing = Array.isArray(election.continuingMembers) ? (election.continuingMembers as { name: string; affiliation: string }[]) : [];

  // What the current phase allows, asked of the use cases' own rules so the page
  // offers exactly what they accept; the server still checks every submission.
  const now = new Date();
  const settingsLocked = official ? settingsLockReason(election, now) : NOT_OFFICIAL;
  const schedule = official ? scheduleEditability(election, now) : ({ mode: "locked", reason: NOT_OFFICIAL } as const);
  const importRules = official ? electorateImportRules(election, now) : ({ add: false, replace: false, reason: NOT_OFFICIAL } as const);
  const reviewLocked = official ? reviewLockReason(election, now) : NOT_OFFICIAL;
  const exceptionsLocked = official ? exceptionDecisionLockReason(election) : NOT_OFFICIAL;
  const canClose = official && closeVotingRefusal(election, now) === null;
  const canDeclareUnopposed =
    official &&
    unopposedRefusal(
      {
        ...election,
        continuingMembers: continuingMembersOf(election),
        pendingReview: candidacies.filter((c) => c.status === "SUBMITTED").length,
        participations: voted,
        accepted: candidacies.filter((c) => c.status === "ACCEPTED").map((c) => ({ name: c.displayName, affiliation: c.affiliation })),
      },
      now,
    ) === null;
  const canCancel = canCancelElection(election);
  const scheduleRows = [
    ["nominationsOpenAt", "Nominations open (UTC)", election.nominationsOpenAt],
    ["nominationsCloseAt", "Nominations close (UTC)", election.nominationsCloseAt],
    ["votingOpenAt", "Voting opens (UTC)", election.votingOpenAt],
    ["votingCloseAt", "Voting closes (UTC)", election.votingCloseAt],
  ] as const;
  const when = (d: Date | null) => (d ? <LocalTime iso={d.toISOString()} /> : "not set");

  return (
    <div className="space-y-8">
      <BackToElection href={electionHref(community, slug)} title={election.title} />
      <header className="space-y-2">
        <h1 className={h1}>Official dashboard: {election.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-gray-800">
          <PhaseBadge phase={phase} />
          <span data-testid="manage-state">State: {election.state.toLowerCase()}</span>
          <span>
            Officials: {officials.map((o) => o.user.name ?? o.user.githubLogin ?? o.user.email).join(", ") || "none"}
          </span>
        </p>
        {!official && (
          <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
            You are an admin, not an official of this election: you can see everything here{canCancel ? " and cancel the election" : ""}, but only its officials
            run it.
          </p>
        )}
      </header>

      <section aria-labelledby="lifecycle-h" className={card}>
        <h2 id="lifecycle-h" className="text-xl font-bold">
          Lifecycle
        </h2>
        <p className="mt-2 text-gray-800" data-testid="next-step">
          {phase === "draft" && "Only officials and admins can see this draft. Set the schedule, then open the election."}
          {phase === "upcoming" && <>Nominations open {when(election.nominationsOpenAt)}.</>}
          {phase === "nominations" && <>Nominations are open until {when(election.nominationsCloseAt)}. Voting opens {when(election.votingOpenAt)}.</>}
          {phase === "campaign" && <>Nominations have closed. Voting opens {when(election.votingOpenAt)}.</>}
          {phase === "voting" && <>Voting is open until {when(election.votingCloseAt)}. You can close it early, or extend it under Schedule.</>}
          {phase === "awaiting-close" && <>Voting ended {when(election.votingCloseAt)} and no more ballots are accepted. Close voting to count them.</>}
          {phase === "closed" && "Voting is closed. Tally the ballots, then review the result before publishing it."}
          {phase === "tallied" && "Counted. Review the result, then publish it."}
          {phase === "published" && "The results are published."}
          {phase === "cancelled" && "This election was cancelled."}
        </p>
        <p className="mt-2 text-gray-800" data-testid="turnout-so-far">
          Electorate: {electorateCount}. Voted so far: {voted}. Ballots stored: {ballots}.
        </p>
        <div className="mt-4 flex flex-wrap gap-6">
          {official && election.state === "DRAFT" && (
            <ActionForm action={bind(openElectionAction)} submitLabel="Open election" confirm="Make the election public? Its phase will then follow the schedule." />
          )}
          {canClose && (
            <ActionForm
              action={bind(closeVotingAction)}
              submitLabel="Close voting"
              confirm={phase === "voting" ? "Close voting now, before the scheduled end? No more ballots will be accepted." : "Close voting? No more ballots will be accepted."}
            />
          )}
          {canDeclareUnopposed && (
            <ActionForm action={bind(declareUnopposedAction)} submitLabel="Declare elected unopposed" buttonClassName={btn} confirm="Declare all accepted candidates elected without a vote?" />
          )}
          {official && election.state === "CLOSED" && <ActionForm action={bind(tallyAction)} submitLabel="Tally" />}
          {election.state === "TALLIED" && (
            <>
              <Link href={`${electionHref(community, slug)}/results`} className={btn}>
                Review the result
              </Link>
              {official && <ActionForm action={bind(publishAction)} submitLabel="Publish results" confirm="Publish the results to everyone?" />}
            </>
          )}
          {election.state === "PUBLISHED" && (
            <Link href={`${electionHref(community, slug)}/results`} className={btn}>
              View the published results
            </Link>
          )}
        </div>
        {["CLOSED", "TALLIED", "PUBLISHED"].includes(election.state) && (
          <p className="mt-4">
            Export ballots:{" "}
            <a href={`${electionHref(community, slug)}/export?format=json`} className={link} download>
              JSON
            </a>{" "}
            ·{" "}
            <a href={`${electionHref(community, slug)}/export?format=csv`} className={link} download>
              CSV
            </a>{" "}
            ·{" "}
            <a href={`${electionHref(community, slug)}/export?format=blt`} className={link} download>
              BLT
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="settings-h">
        <h2 id="settings-h" className={h2}>
          Settings
        </h2>
        {settingsLocked ? (
          <>
            <LockedNote>{settingsLocked}</LockedNote>
            <ReadOnlyFields
              testId="settings-readonly"
              rows={[
                ["Title", election.title],
                ["Seats", String(election.seats)],
                ["Counting method", METHOD_LABELS[election.method] ?? election.method],
                ["Unranked candidates", election.unranked === "last" ? "Below every ranked candidate (last)" : "No opinion (exclude)"],
                ["Defeat strength", STRENGTH_LABELS[election.strength] ?? election.strength],
                ["Affiliation cap", capInWords(election.maxPerAffiliation)],
                ["Continuing members", continuing.length ? continuing.map((m) => `${m.name} (${m.affiliation || "none"})`).join(", ") : "none"],
                ["Ballots published with the results", election.publishBallots ? "yes" : "no"],
              ]}
            />
          </>
        ) : (
          <>
            <p className={hint}>Settings can change only before voting opens.</p>
          <ActionForm action={bind(saveSettings)} submitLabel="Save settings" ariaLabel="Settings" className="mt-3 max-w-2xl space-y-4">
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
                defaultValue={continuing.map((m) => `${m.name}, ${m.affiliation}`).join("\n")}
                aria-describedby="continuing-hint"
                className={`${input} mt-1`}
              />
              <p id="continuing-hint" className={hint}>
                One per line: <code>Name, Affiliation</code>. They count towards the affiliation cap.
              </p>
            </div>
            <div className="flex items-center gap-2">
              <input id="publishBallots" name="publishBallots" type="checkbox" defaultChecked={election.publishBallots} className="h-4 w-4" />
              <label htmlFor="publishBallots" className="text-sm font-semibold">
                Publish the anonymized ballots with the results
              </label>
            </div>
          </ActionForm>
          </>
        )}
      </section>

      <section aria-labelledby="schedule-h">
        <h2 id="schedule-h" className={h2}>
          Schedule
        </h2>
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
            rows={(schedule.mode === "locked" ? scheduleRows : scheduleRows.slice(0, 3)).map(([, text, value]) => [text.replace(" (UTC)", ""), when(value)])}
          />
        )}
        {schedule.mode !== "locked" && (
          <ActionForm
            action={bind(saveSchedule)}
            submitLabel={schedule.mode === "all" ? "Save schedule" : "Extend voting"}
            ariaLabel="Schedule"
            className="mt-3 max-w-2xl space-y-4"
          >
            {schedule.mode === "all" ? (
              <div className="grid gap-4 sm:grid-cols-2">
                {scheduleRows.map(([name, text, value]) => (
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
                {scheduleRows.slice(0, 3).map(([name, , value]) => (
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
      </section>

      <section aria-labelledby="electorate-h">
        <h2 id="electorate-h" className={h2}>
          Electorate ({electorateCount})
        </h2>
        {!importRules.add && <LockedNote>{importRules.reason}</LockedNote>}
        {importRules.add && (
          <>
            <ActionForm action={bind(importElectorateAction)} submitLabel="Import electorate" ariaLabel="Import electorate" className="mt-3 max-w-2xl space-y-4">
              <div>
                <label htmlFor="electorate-text" className={label}>
                  Paste the electorate
                </label>
                <textarea id="electorate-text" name="text" rows={6} aria-describedby="electorate-hint" className={`${input} mt-1 font-mono`} />
                <p id="electorate-hint" className={hint}>
                  CSV with a <code>login,email,name</code> header, the YAML of Kata&apos;s electorate script, or Elekto <code>voters.yaml</code>. The format is
                  detected.
                </p>
              </div>
              <div>
                <label htmlFor="electorate-file" className={label}>
                  …or upload a file
                </label>
                <input id="electorate-file" name="file" type="file" accept=".csv,.yaml,.yml,.txt" className="mt-1 block text-sm" />
              </div>
              <fieldset>
                  <legend className={label}>Mode</legend>
                  <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
                    <label className="flex items-center gap-2">
                      <input type="radio" name="mode" value="add" defaultChecked /> Add to the current electorate
                    </label>
                    <label className="flex items-center gap-2">
                      <input type="radio" name="mode" value="replace" /> Replace the current electorate
                    </label>
                  </div>
              </fieldset>
            </ActionForm>
          </>
        )}
        {electorateSample.length > 0 && (
          <details className="mt-3">
            <summary className="cursor-pointer font-semibold">First {electorateSample.length} entries</summary>
            <ul className="mt-2 list-disc pl-5 text-sm">
              {electorateSample.map((e) => (
                <li key={e.id}>
                  {[e.githubLogin && `@${e.githubLogin}`, e.email, e.name].filter(Boolean).join(" · ")} {e.source === "exception" && "(exception)"}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="candidacies-h">
        <h2 id="candidacies-h" className={h2}>
          Candidacies ({candidacies.length})
        </h2>
        {reviewLocked && candidacies.length > 0 && <LockedNote>{reviewLocked}</LockedNote>}
        {candidacies.length === 0 ? (
          <p className="mt-2 text-gray-800">No declarations yet.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {candidacies.map((c) => (
              <li key={c.id} className={card} data-testid="candidacy-review">
                <h3 className={h3}>
                  <Link href={`${electionHref(community, slug)}/candidates/${c.id}`} className={link}>
                    {c.displayName}
                  </Link>{" "}
                  <span className="text-sm font-normal text-gray-800">— {c.status.toLowerCase()}</span>
                </h3>
                <p className="text-sm text-gray-800">
                  {c.email}
                  {c.githubLogin && ` · @${c.githubLogin}`} · affiliation: {c.affiliation}
                  {c.affiliationInferred && (c.affiliation === "none" ? " (not stated: to confirm)" : " (inferred from the email domain: to confirm)")}
                  {c.rejectionReason && ` · rejected: ${c.rejectionReason}`}
                </p>
                {!reviewLocked && c.status !== "WITHDRAWN" && (
                  <div role="group" aria-label={`Review ${c.displayName}`} className="mt-3 space-y-3">
                    {c.status !== "ACCEPTED" && (
                      <ActionForm
                        action={reviewCandidacyAction.bind(null, c.id, electionHref(community, slug))}
                        ariaLabel={`Accept ${c.displayName}`}
                        submitLabel={`Accept ${c.displayName}`}
                        hideSubmit
                        className="space-y-2"
                        extraButtons={
                          <button type="submit" name="decision" value="accept" className={btn}>
                            Accept<span className="sr-only"> {c.displayName}</span>
                          </button>
                        }
                      >
                        <div className="max-w-md">
                          <label htmlFor={`affiliation-${c.id}`} className={label}>
                            Affiliation
                          </label>
                          <input
                            id={`affiliation-${c.id}`}
                            name="affiliation"
                            required
                            maxLength={200}
                            defaultValue={c.affiliation}
                            aria-describedby={`affiliation-hint-${c.id}`}
                            className={`${input} mt-1`}
                          />
                          <p id={`affiliation-hint-${c.id}`} className={c.affiliationInferred ? "mt-1 text-sm font-medium text-amber-900" : hint}>
                            {c.affiliationInferred
                              ? c.affiliation === "none"
                                ? "The declaration does not state one — enter it, or keep “none”, before accepting."
                                : "Inferred from email — please confirm or correct it before accepting."
                              : "Accepting confirms it; correct it here if needed."}
                          </p>
                        </div>
                      </ActionForm>
                    )}
                    {c.status !== "REJECTED" && (
                      <details>
                        <summary className="cursor-pointer text-sm font-semibold text-red-800">
                          Reject…<span className="sr-only"> {c.displayName}</span>
                        </summary>
                        <ActionForm
                          action={reviewCandidacyAction.bind(null, c.id, electionHref(community, slug))}
                          ariaLabel={`Reject ${c.displayName}`}
                          submitLabel={`Reject ${c.displayName}`}
                          hideSubmit
                          className="mt-2 max-w-md space-y-2"
                          extraButtons={
                            <button type="submit" name="decision" value="reject" className={btnDanger}>
                              Reject<span className="sr-only"> {c.displayName}</span>
                            </button>
                          }
                        >
                          <div>
                            <label htmlFor={`reason-${c.id}`} className={label}>
                              Reason (shown to the candidate)
                            </label>
                            <input id={`reason-${c.id}`} name="reason" required maxLength={2000} className={`${input} mt-1`} />
                          </div>
                        </ActionForm>
                      </details>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="exceptions-h">
        <h2 id="exceptions-h" className={h2}>
          Exception requests ({exceptions.length})
        </h2>
        {exceptionsLocked && exceptions.some((x) => x.status === "PENDING") && <LockedNote>{exceptionsLocked}</LockedNote>}
        {exceptions.length === 0 ? (
          <p className="mt-2 text-gray-800">No requests.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {exceptions.map((x) => {
              const who = x.user.name ?? x.user.githubLogin ?? x.user.email ?? "member";
              return (
                <li key={x.id} className={card}>
                  <h3 className={h3}>
                    {who} <span className="text-sm font-normal text-gray-800">— {x.status.toLowerCase()}</span>
                  </h3>
                  <p className="text-sm text-gray-800">{[x.user.githubLogin && `@${x.user.githubLogin}`, x.user.email].filter(Boolean).join(" · ")}</p>
                  <p className="mt-2 whitespace-pre-wrap">{x.reason}</p>
                  {x.decisionNote && <p className="mt-2 text-sm">Note: {x.decisionNote}</p>}
                  {!exceptionsLocked && x.status === "PENDING" && (
                    <ActionForm
                      action={decideExceptionAction.bind(null, x.id, electionHref(community, slug))}
                      ariaLabel={`Decide the request of ${who}`}
                      submitLabel="Grant"
                      hideSubmit
                      className="mt-3 space-y-2"
                      extraButtons={
                        <>
                          <button type="submit" name="decision" value="grant" className={btn}>
                            Grant<span className="sr-only"> {who}</span>
                          </button>
                          <button type="submit" name="decision" value="deny" className={btnDanger}>
                            Deny<span className="sr-only"> {who}</span>
                          </button>
                        </>
                      }
                    >
                      <div>
                        <label htmlFor={`note-${x.id}`} className={label}>
                          Note (recorded in the audit log)
                        </label>
                        <input id={`note-${x.id}`} name="note" className={`${input} mt-1`} />
                      </div>
                    </ActionForm>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {canCancel && (
        <section aria-labelledby="cancel-h">
          <h2 id="cancel-h" className={h2}>
            Cancel the election
          </h2>
          <ActionForm action={bind(cancelAction)} submitLabel="Cancel election" buttonClassName={btnDanger} confirm="Cancel this election? This cannot be undone." className="mt-3 max-w-2xl space-y-3">
            <div>
              <label htmlFor="cancel-reason" className={label}>
                Reason (public)
              </label>
              <input id="cancel-reason" name="reason" required className={`${input} mt-1`} />
            </div>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="audit-h">
        <h2 id="audit-h" className={h2}>
          Audit log
        </h2>
        <AuditVerdict electionId={id} />
        {globalHead && (
          <p className="mt-2 text-sm">
            Head of the whole chain (entry #{globalHead.seq}): <code className="break-all" data-testid="audit-global-head">{globalHead.hash}</code>
          </p>
        )}
        {audit.length === 0 ? (
          <p className="mt-2 text-gray-800">No entries yet.</p>
        ) : (
          <div className="relative mt-3 overflow-x-auto" role="region" aria-label="Audit log (scrolls sideways on small screens)" tabIndex={0}>
            <table className="w-full min-w-[52rem] border-collapse text-sm" data-testid="audit-log">
              <caption className="sr-only">Audit entries for this election, newest first</caption>
              <thead>
                <tr>
                  {["#", "When", "Who", "Action", "Details", "Hash"].map((h) => (
                    <th key={h} scope="col" className={th}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {audit.map((a) => (
                  <tr key={a.seq}>
                    <td className="border border-gray-400 p-2 tabular-nums">{a.seq}</td>
                    <td className="border border-gray-400 p-2 whitespace-nowrap">
                      <LocalTime iso={a.createdAt.toISOString()} />
                    </td>
                    <td className={td}>{a.actorLabel}</td>
                    <td className="border border-gray-400 p-2 font-mono">{a.action}</td>
                    <td className="min-w-72 border border-gray-400 p-2 text-xs">
                      <AuditDetails details={a.details} />
                    </td>
                    <td className="border border-gray-400 p-2 font-mono text-xs" title={a.hash}>
                      {a.hash.slice(0, 12)}…
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
