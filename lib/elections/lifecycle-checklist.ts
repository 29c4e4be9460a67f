// The official's dashboard as a checklist (issue 7): where each step of the
// lifecycle stands and, in plain words, what it still needs. Pure: the page
// gathers a few counts, this decides. Every "can it happen now" question is
// asked of the same rule the use case enforces (lifecycle-rules.ts), so the
// checklist never promises what the server would refuse.
import type { Election } from "@/lib/generated/prisma/client";
import type { ContinuingMember } from "@/lib/tally/types";
import { electionPhase, type Phase } from "./phase";
import {
  ballotBoxMismatch,
  closeVotingRefusal,
  electorateImportRules,
  exceptionDecisionLockReason,
  exceptionRequestRefusal,
  openElectionRefusal,
  reviewLockReason,
  scheduleEditability,
  settingsLockReason,
  unopposedRefusal,
} from "./lifecycle-rules";

export type StepKey = "rules" | "schedule" | "electorate" | "nominations" | "exceptions" | "close" | "tally" | "review" | "publish";
export type StepStatus = "done" | "next" | "waiting" | "blocked" | "skipped";

export interface ChecklistStep {
  key: StepKey;
  title: string;
  status: StepStatus;
  /** What the step still needs or waits for, in plain words; empty when nothing. */
  missing: string[];
  /** Context that is not missing (what was done, until when it may change). */
  detail: string | null;
  /** The sub-page of the dashboard that holds the step, relative to it. */
  href: string;
}

export interface ChecklistFacts {
  election: Pick<
    Election,
    | "state"
    | "description"
    | "seats"
    | "maxPerAffiliation"
    | "nominationsOpenAt"
    | "nominationsCloseAt"
    | "votingOpenAt"
    | "votingCloseAt"
  >;
  continuingMembers: readonly ContinuingMember[];
  candidacies: { submitted: number; rejected: number; withdrawn: number; accepted: readonly { name: string; affiliation: string | null }[] };
  pendingExceptions: number;
  electorate: number;
  participations: number;
  ballots: number;
  /** The stored result, if any: declared unopposed results skip the vote. */
  result: { unopposed: boolean } | null;
  now: Date;
}

/** The steps in the order an election goes through them; the sub-page of each (tally, review and publish share one). */
export const STEPS: readonly { key: StepKey; title: string; href: string }[] = [
  { key: "rules", title: "Rules", href: "rules" },
  { key: "schedule", title: "Schedule and opening", href: "schedule" },
  { key: "electorate", title: "Electorate", href: "electorate" },
  { key: "nominations", title: "Nominations review", href: "nominations" },
  { key: "exceptions", title: "Exception requests", href: "exceptions" },
  { key: "close", title: "Close voting", href: "close" },
  { key: "tally", title: "Tally", href: "tally" },
  { key: "review", title: "Review the result", href: "tally" },
  { key: "publish", title: "Publish", href: "tally" },
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "3 Dec 17:00 UTC" (the year too when it is not the current one): the same for every reader, unlike a local time. */
export function utcWords(d: Date, now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const year = d.getUTCFullYear() === now.getUTCFullYear() ? "" : ` ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How a step stands before the single "next" is chosen: `todo` needs an
 * official (or the clock) before the election can move on; `idle` has nothing
 * to do now but is not finished.
 */
type Assessment = { state: "done" | "todo" | "idle" | "blocked" | "skipped"; missing: string[]; detail?: string | null };

export function lifecycleChecklist(f: ChecklistFacts): ChecklistStep[] {
  const { election: e, now } = f;
  const phase = electionPhase(e, now);
  const at = (d: Date | null) => (d ? utcWords(d, now) : null);
  const unopposed = f.result?.unopposed === true;
  const assessments: Record<StepKey, Assessment> = {
    rules: rules(f),
    schedule: schedule(f),
    electorate: electorate(f),
    nominations: nominations(f),
    exceptions: exceptions(f, at),
    close: close(f, phase, at),
    tally: tally(f, unopposed),
    review: review(f, unopposed),
    publish: publish(f),
  };

  // Nothing more happens to a cancelled election, whatever was done before.
  if (e.state === "CANCELLED") {
    return STEPS.map((s) => ({ ...s, status: "skipped" as const, missing: ["The election was cancelled: this step will not happen."], detail: null }));
  }

  let nextChosen = false;
  return STEPS.map((s) => {
    const a = assessments[s.key];
    let status: StepStatus;
    if (a.state === "todo" && !nextChosen) {
      status = "next";
      nextChosen = true;
    } else if (a.state === "todo" || a.state === "idle") status = "waiting";
    else status = a.state;
    return { ...s, status, missing: a.missing, detail: a.detail ?? null };
  });
}

function rules(f: ChecklistFacts): Assessment {
  const locked = settingsLockReason(f.election, f.now);
  if (locked) return { state: "done", missing: [], detail: locked };
  const detail = "Method, seats and cap can change until voting opens.";
  // A draft nobody described yet: voters would find an empty election page.
  if (f.election.state === "DRAFT" && f.election.description.trim() === "") return { state: "todo", missing: ["No description yet: voters read it on the election page."], detail };
  return { state: "done", missing: [], detail };
}

function schedule(f: ChecklistFacts): Assessment {
  const e = f.election;
  if (e.state === "DRAFT") {
    const refusal = openElectionRefusal(e);
    if (refusal === null) return { state: "todo", missing: ["Open the election: it is a draft only officials and admins can see."] };
    const unset = (
      [
        ["nominations open", e.nominationsOpenAt],
        ["nominations close", e.nominationsCloseAt],
        ["voting opens", e.votingOpenAt],
        ["voting closes", e.votingCloseAt],
      ] as const
    ).filter(([, d]) => d === null);
    const missing = unset.length ? [`No date yet for when ${unset.map(([w]) => w).join(", ")}.`] : [refusal];
    return { state: "todo", missing: [...missing, "Then open the election to make it public."] };
  }
  const edit = scheduleEditability(e, f.now);
  const detail =
    edit.mode === "all" ? "Public. Every date can still move until voting opens." : edit.mode === "extend-close" ? "Voting is open: only the close can move, later." : edit.reason;
  return { state: "done", missing: [], detail };
}

function electorate(f: ChecklistFacts): Assessment {
  const rulesNow = electorateImportRules(f.election, f.now);
  if (f.electorate > 0) {
    const detail = `${plural(f.electorate, "voter", "voters")} on the roll.${rulesNow.add ? " It freezes when voting opens." : ""}`;
    return { state: "done", missing: [], detail };
  }
  if (rulesNow.add) return { state: "todo", missing: ["No electorate imported yet."] };
  if (f.election.state === "SCHEDULED") return { state: "blocked", missing: ["Voting opened with an empty electorate: only granted exception requests can add voters."] };
  return { state: "skipped", missing: ["No electorate was imported."] };
}

function nominations(f: ChecklistFacts): Assessment {
  const e = f.election;
  const pending = f.candidacies.submitted;
  const accepted = f.candidacies.accepted.length;
  const tallyOfDecisions = `${plural(accepted, "candidate", "candidates")} accepted for ${plural(e.seats, "seat", "seats")}${f.candidacies.rejected ? `, ${f.candidacies.rejected} rejected` : ""}.`;
  const locked = reviewLockReason(e, f.now);
  if (locked) {
    if (accepted === 0 && e.state === "SCHEDULED") return { state: "blocked", missing: ["Voting opened with no accepted candidate."], detail: locked };
    const unreviewed = pending ? ` ${plural(pending, "declaration was", "declarations were")} never reviewed.` : "";
    return { state: "done", missing: [], detail: `${tallyOfDecisions}${unreviewed} ${locked}` };
  }
  const missing: string[] = [];
  if (pending) missing.push(`${pending === 1 ? "1 nomination awaits" : `${pending} nominations await`} review.`);
  const closesAt = e.nominationsCloseAt;
  const nominationsOver = e.state === "SCHEDULED" && closesAt !== null && f.now >= closesAt;
  if (!nominationsOver) {
    if (e.state === "DRAFT") missing.push("Nominations open once the election is public and its schedule says so.");
    else if (e.nominationsOpenAt && f.now < e.nominationsOpenAt) missing.push(`Nominations open ${utcWords(e.nominationsOpenAt, f.now)}.`);
    else if (closesAt) missing.push(`Nominations close ${utcWords(closesAt, f.now)}.`);
  } else if (accepted === 0 && pending === 0) {
    missing.push("No candidate accepted: there is nothing to vote on. Move the schedule to take more nominations, or cancel.");
  }
  return missing.length ? { state: "todo", missing, detail: tallyOfDecisions } : { state: "done", missing: [], detail: `${tallyOfDecisions} Decisions can change until voting opens.` };
}

function exceptions(f: ChecklistFacts, at: (d: Date | null) => string | null): Assessment {
  const pending = f.pendingExceptions;
  const locked = exceptionDecisionLockReason(f.election);
  if (locked) {
    return pending
      ? { state: "skipped", missing: [`${plural(pending, "request was", "requests were")} never decided.`], detail: locked }
      : { state: "done", missing: [], detail: null };
  }
  if (pending) return { state: "todo", missing: [`${pending === 1 ? "1 exception request awaits" : `${pending} exception requests await`} a decision.`] };
  const askable = exceptionRequestRefusal(f.election, f.now) === null;
  const until = at(f.election.votingCloseAt);
  return {
    state: "idle",
    missing: [askable ? `No request waiting. Members left off the roll can ask${until ? ` until ${until}` : ""}.` : "Members can ask once the election is public."],
  };
}

function close(f: ChecklistFacts, phase: Phase, at: (d: Date | null) => string | null): Assessment {
  const e = f.election;
  if (e.state === "CLOSED" || e.state === "TALLIED" || e.state === "PUBLISHED") {
    if (f.result?.unopposed) return { state: "skipped", missing: [], detail: "Declared elected unopposed: there was no vote." };
    return { state: "done", missing: [], detail: `${plural(f.participations, "voter", "voters")} of ${f.electorate} took part.` };
  }
  const turnout = `${plural(f.participations, "voter has", "voters have")} voted, of ${f.electorate} on the roll.`;
  if (closeVotingRefusal(e, f.now) === null) {
    if (phase === "awaiting-close") return { state: "todo", missing: [`Voting ended ${at(e.votingCloseAt)}: close it to count the ballots.`], detail: turnout };
    return { state: "todo", missing: [`Voting closes ${at(e.votingCloseAt)}; you can close it early.`], detail: turnout };
  }
  const missing: string[] = [];
  if (e.state === "DRAFT" || !e.votingOpenAt) missing.push("Voting opens as the schedule says, once the election is public.");
  else missing.push(`Voting opens ${at(e.votingOpenAt)}.`);
  const unopposedFacts = {
    ...e,
    continuingMembers: f.continuingMembers,
    pendingReview: f.candidacies.submitted,
    participations: f.participations,
    accepted: f.candidacies.accepted,
  };
  if (unopposedRefusal(unopposedFacts, f.now) === null) {
    missing.push(`Or declare the ${plural(f.candidacies.accepted.length, "accepted candidate", "accepted candidates")} elected unopposed: there are no more than seats.`);
  }
  // In a draft the schedule step is next; here we only say what the close waits for.
  return { state: e.state === "DRAFT" ? "idle" : "todo", missing };
}

function tally(f: ChecklistFacts, unopposed: boolean): Assessment {
  const s = f.election.state;
  if (unopposed) return { state: "skipped", missing: [], detail: "Nothing to count: declared elected unopposed." };
  if (s === "TALLIED" || s === "PUBLISHED") return { state: "done", missing: [], detail: `${plural(f.ballots, "ballot", "ballots")} counted.` };
  if (s === "CLOSED") {
    // After the close every pending ballot has moved into the box, so the sealed count is zero here.
    const mismatch = ballotBoxMismatch({ voted: f.participations, ballots: f.ballots, sealed: 0 });
    if (mismatch) return { state: "blocked", missing: [mismatch] };
    return { state: "todo", missing: [`Count the ${plural(f.ballots, "ballot", "ballots")}.`] };
  }
  return { state: "idle", missing: ["Waits for voting to close."] };
}

function review(f: ChecklistFacts, unopposed: boolean): Assessment {
  const s = f.election.state;
  if (unopposed) return { state: "skipped", missing: [], detail: "No count to review: declared elected unopposed." };
  if (s === "PUBLISHED") return { state: "done", missing: [] };
  if (s === "TALLIED") return { state: "todo", missing: ["Check the winners, the ranking and the turnout on the results page before publishing."] };
  return { state: "idle", missing: ["Waits for the tally."] };
}

function publish(f: ChecklistFacts): Assessment {
  const s = f.election.state;
  if (s === "PUBLISHED") return { state: "done", missing: [], detail: f.result?.unopposed ? "Published when the candidates were declared elected unopposed." : "Everyone can see the results." };
  if (s === "TALLIED") return { state: "idle", missing: ["Publish once you have reviewed the result."] };
  return { state: "idle", missing: ["Waits for the review of the result."] };
}
