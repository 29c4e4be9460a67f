import { describe, expect, it } from "vitest";
import { lifecycleChecklist, utcWords, type ChecklistFacts, type StepKey, type StepStatus } from "./lifecycle-checklist";

// One schedule for every position: nominations 1–10 Dec, voting 12–15 Dec 2026 (UTC).
const NOM_OPEN = new Date("2026-12-01T09:00:00Z");
const NOM_CLOSE = new Date("2026-12-10T17:00:00Z");
const VOTE_OPEN = new Date("2026-12-12T09:00:00Z");
const VOTE_CLOSE = new Date("2026-12-15T17:00:00Z");
const schedule = { nominationsOpenAt: NOM_OPEN, nominationsCloseAt: NOM_CLOSE, votingOpenAt: VOTE_OPEN, votingCloseAt: VOTE_CLOSE };
const noSchedule = { nominationsOpenAt: null, nominationsCloseAt: null, votingOpenAt: null, votingCloseAt: null };

const BEFORE = new Date("2026-11-20T12:00:00Z");
const IN_NOMINATIONS = new Date("2026-12-05T12:00:00Z");
const IN_CAMPAIGN = new Date("2026-12-11T12:00:00Z");
const IN_VOTING = new Date("2026-12-13T12:00:00Z");
const AFTER_VOTING = new Date("2026-12-16T12:00:00Z");

const accepted = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `C${i}`, affiliation: `Company ${i}` }));

function facts(over: Partial<Omit<ChecklistFacts, "election">> & { election?: Partial<ChecklistFacts["election"]> } = {}): ChecklistFacts {
  return {
    continuingMembers: [],
    candidacies: { submitted: 0, rejected: 0, withdrawn: 0, accepted: [] },
    pendingExceptions: 0,
    electorate: 0,
    participations: 0,
    ballots: 0,
    result: null,
    now: BEFORE,
    ...over,
    election: { state: "DRAFT", description: "", seats: 2, maxPerAffiliation: null, ...noSchedule, ...over.election },
  };
}

/** The statuses in order, as "key:status", so a failure shows the whole checklist at once. */
const statuses = (f: ChecklistFacts) => lifecycleChecklist(f).map((s) => `${s.key}:${s.status}`);
const step = (f: ChecklistFacts, key: StepKey) => lifecycleChecklist(f).find((s) => s.key === key)!;
const row = (pairs: [StepKey, StepStatus][]) => pairs.map(([k, s]) => `${k}:${s}`);

// An election reviewed and ready: roll imported, three accepted for two seats.
const ready = {
  election: { state: "SCHEDULED" as const, description: "The TC election.", ...schedule },
  electorate: 40,
  candidacies: { submitted: 0, rejected: 1, withdrawn: 0, accepted: accepted(3) },
};

describe("lifecycleChecklist", () => {
  it("lists the nine steps in lifecycle order, each linking to its sub-page", () => {
    const steps = lifecycleChecklist(facts());
    expect(steps.map((s) => s.key)).toEqual(["rules", "schedule", "electorate", "nominations", "exceptions", "close", "tally", "review", "publish"]);
    expect(steps.map((s) => s.href)).toEqual(["rules", "schedule", "electorate", "nominations", "exceptions", "close", "tally", "tally", "tally"]);
  });

  it("a draft with nothing: describe it first, and says what else is missing", () => {
    const f = facts();
    expect(statuses(f)).toEqual(
      row([
        ["rules", "next"],
        ["schedule", "waiting"],
        ["electorate", "waiting"],
        ["nominations", "waiting"],
        ["exceptions", "waiting"],
        ["close", "waiting"],
        ["tally", "waiting"],
        ["review", "waiting"],
        ["publish", "waiting"],
      ]),
    );
    expect(step(f, "rules").missing).toEqual(["No description yet: voters read it on the election page."]);
    expect(step(f, "schedule").missing[0]).toBe("No date yet for when nominations open, nominations close, voting opens, voting closes.");
    expect(step(f, "electorate").missing).toEqual(["No electorate imported yet."]);
  });

  it("a described draft with its schedule set: opening it is next; an out-of-order schedule says so with open's own refusal", () => {
    const f = facts({ election: { description: "x", ...schedule } });
    expect(step(f, "rules").status).toBe("done");
    expect(step(f, "schedule")).toMatchObject({ status: "next", missing: ["Open the election: it is a draft only officials and admins can see."] });
    const reversed = facts({ election: { description: "x", ...schedule, votingOpenAt: VOTE_CLOSE, votingCloseAt: VOTE_OPEN } });
    expect(step(reversed, "schedule").missing).toEqual(["The schedule is out of order; fix it before opening the election.", "Then open the election to make it public."]);
  });

  it("a draft imported with declarations: they show as waiting for review, the opening stays next", () => {
    const f = facts({ election: { description: "x", ...schedule }, candidacies: { submitted: 3, rejected: 0, withdrawn: 0, accepted: [] } });
    expect(step(f, "schedule").status).toBe("next");
    expect(step(f, "nominations")).toMatchObject({ status: "waiting" });
    expect(step(f, "nominations").missing[0]).toBe("3 nominations await review.");
  });

  it("scheduled, before nominations, with no electorate: importing the roll is next", () => {
    const f = facts({ ...ready, electorate: 0, candidacies: { submitted: 0, rejected: 0, withdrawn: 0, accepted: [] } });
    expect(statuses(f).slice(0, 4)).toEqual(row([["rules", "done"], ["schedule", "done"], ["electorate", "next"], ["nominations", "waiting"]]));
    expect(step(f, "nominations").missing).toEqual(["Nominations open 1 Dec 09:00 UTC."]);
    expect(step(f, "schedule").detail).toBe("Public. Every date can still move until voting opens.");
  });

  it("in nominations: pending declarations are next, with the closing time", () => {
    const f = facts({ ...ready, now: IN_NOMINATIONS, candidacies: { submitted: 2, rejected: 0, withdrawn: 0, accepted: accepted(1) } });
    expect(statuses(f)).toEqual(
      row([
        ["rules", "done"],
        ["schedule", "done"],
        ["electorate", "done"],
        ["nominations", "next"],
        ["exceptions", "waiting"],
        ["close", "waiting"],
        ["tally", "waiting"],
        ["review", "waiting"],
        ["publish", "waiting"],
      ]),
    );
    expect(step(f, "nominations").missing).toEqual(["2 nominations await review.", "Nominations close 10 Dec 17:00 UTC."]);
    expect(step(f, "electorate").detail).toBe("40 voters on the roll. It freezes when voting opens.");
    expect(step(f, "exceptions").missing).toEqual(["No request waiting. Members left off the roll can ask until 15 Dec 17:00 UTC."]);
  });

  it("in the campaign, all reviewed: the close is next and says when voting opens; a pending exception comes first", () => {
    const f = facts({ ...ready, now: IN_CAMPAIGN });
    expect(step(f, "nominations")).toMatchObject({ status: "done", missing: [] });
    expect(step(f, "close")).toMatchObject({ status: "next", missing: ["Voting opens 12 Dec 09:00 UTC."] });
    const asked = facts({ ...ready, now: IN_CAMPAIGN, pendingExceptions: 1 });
    expect(step(asked, "exceptions")).toMatchObject({ status: "next", missing: ["1 exception request awaits a decision."] });
    expect(step(asked, "close").status).toBe("waiting");
  });

  it("after nominations with nobody accepted: the review step says there is nothing to vote on", () => {
    const f = facts({ ...ready, now: IN_CAMPAIGN, candidacies: { submitted: 0, rejected: 2, withdrawn: 0, accepted: [] } });
    expect(step(f, "nominations").status).toBe("next");
    expect(step(f, "nominations").missing[0]).toMatch(/^No candidate accepted: there is nothing to vote on/);
  });

  it("unopposed: no more accepted candidates than seats offers the declaration beside the vote", () => {
    const f = facts({ ...ready, now: IN_CAMPAIGN, candidacies: { submitted: 0, rejected: 0, withdrawn: 0, accepted: accepted(2) } });
    expect(step(f, "close")).toMatchObject({
      status: "next",
      missing: ["Voting opens 12 Dec 09:00 UTC.", "Or declare the 2 accepted candidates elected unopposed: there are no more than seats."],
    });
    // The use case's own rule decides: a binding affiliation cap means a vote, so no offer.
    const capped = facts({
      ...ready,
      now: IN_CAMPAIGN,
      election: { ...ready.election, maxPerAffiliation: 1 },
      candidacies: { submitted: 0, rejected: 0, withdrawn: 0, accepted: [{ name: "A", affiliation: "Acme" }, { name: "B", affiliation: "Acme" }] },
    });
    expect(step(capped, "close").missing).toEqual(["Voting opens 12 Dec 09:00 UTC."]);
  });

  it("declared elected unopposed: the vote, tally and review are skipped, publishing is done", () => {
    const f = facts({ ...ready, now: IN_CAMPAIGN, election: { ...ready.election, state: "PUBLISHED" }, result: { unopposed: true } });
    expect(statuses(f).slice(5)).toEqual(row([["close", "skipped"], ["tally", "skipped"], ["review", "skipped"], ["publish", "done"]]));
    expect(lifecycleChecklist(f).some((s) => s.status === "next")).toBe(false);
  });

  it("voting: the close is next with the closing time; the rules, roll and candidates are frozen", () => {
    const f = facts({ ...ready, now: IN_VOTING, participations: 12 });
    expect(statuses(f).slice(0, 6)).toEqual(
      row([["rules", "done"], ["schedule", "done"], ["electorate", "done"], ["nominations", "done"], ["exceptions", "waiting"], ["close", "next"]]),
    );
    expect(step(f, "close")).toMatchObject({ missing: ["Voting closes 15 Dec 17:00 UTC; you can close it early."], detail: "12 voters have voted, of 40 on the roll." });
    expect(step(f, "rules").detail).toBe("The election's settings cannot change once voting has opened.");
    expect(step(f, "schedule").detail).toBe("Voting is open: only the close can move, later.");
    expect(step(f, "electorate").detail).toBe("40 voters on the roll.");
  });

  it("voting opened with an empty roll or no candidate: those steps are blocked, the close stays next", () => {
    const f = facts({ ...ready, now: IN_VOTING, electorate: 0, candidacies: { submitted: 0, rejected: 0, withdrawn: 0, accepted: [] } });
    expect(step(f, "electorate")).toMatchObject({ status: "blocked", missing: ["Voting opened with an empty electorate: only granted exception requests can add voters."] });
    expect(step(f, "nominations")).toMatchObject({ status: "blocked", missing: ["Voting opened with no accepted candidate."] });
    expect(step(f, "close").status).toBe("next");
  });

  it("voting ended but not closed: closing is next and says why", () => {
    const f = facts({ ...ready, now: AFTER_VOTING, participations: 30 });
    expect(step(f, "close")).toMatchObject({ status: "next", missing: ["Voting ended 15 Dec 17:00 UTC: close it to count the ballots."] });
    expect(step(f, "schedule").detail).toBe("Voting has ended; the schedule can no longer change.");
  });

  it("closed: the tally is next; undecided exception requests are skipped, not silently done", () => {
    const f = facts({ ...ready, now: AFTER_VOTING, election: { ...ready.election, state: "CLOSED" }, participations: 30, ballots: 30, pendingExceptions: 2 });
    expect(statuses(f).slice(4)).toEqual(row([["exceptions", "skipped"], ["close", "done"], ["tally", "next"], ["review", "waiting"], ["publish", "waiting"]]));
    expect(step(f, "tally").missing).toEqual(["Count the 30 ballots."]);
    expect(step(f, "exceptions").missing).toEqual(["2 requests were never decided."]);
  });

  it("closed with a box that does not match its voters: the tally is blocked with the count's own refusal", () => {
    const f = facts({ ...ready, now: AFTER_VOTING, election: { ...ready.election, state: "CLOSED" }, participations: 30, ballots: 31 });
    expect(step(f, "tally")).toMatchObject({ status: "blocked" });
    expect(step(f, "tally").missing[0]).toMatch(/holds 31 ballots but 30 voters took part — 1 ballot more/);
  });

  it("tallied: reviewing is next, publishing waits for it", () => {
    const f = facts({ ...ready, now: AFTER_VOTING, election: { ...ready.election, state: "TALLIED" }, participations: 30, ballots: 30, result: { unopposed: false } });
    expect(statuses(f).slice(5)).toEqual(row([["close", "done"], ["tally", "done"], ["review", "next"], ["publish", "waiting"]]));
    expect(step(f, "publish").missing).toEqual(["Publish once you have reviewed the result."]);
  });

  it("published: every step done, none next", () => {
    const f = facts({ ...ready, now: AFTER_VOTING, election: { ...ready.election, state: "PUBLISHED" }, participations: 30, ballots: 30, result: { unopposed: false } });
    expect(lifecycleChecklist(f).every((s) => s.status === "done" && s.missing.length === 0)).toBe(true);
  });

  it("cancelled: every step says so and none is next, whatever was done before", () => {
    for (const now of [BEFORE, IN_VOTING, AFTER_VOTING]) {
      const steps = lifecycleChecklist(facts({ ...ready, now, election: { ...ready.election, state: "CANCELLED" } }));
      expect(steps.every((s) => s.status === "skipped" && s.missing[0] === "The election was cancelled: this step will not happen.")).toBe(true);
    }
  });

  it("exactly one step is next in every position of an election that is not over and not stuck", () => {
    const positions: ChecklistFacts[] = [
      facts(),
      facts({ election: { description: "x", ...schedule } }),
      ...[BEFORE, IN_NOMINATIONS, IN_CAMPAIGN, IN_VOTING, AFTER_VOTING].map((now) => facts({ ...ready, now })),
      facts({ ...ready, now: AFTER_VOTING, election: { ...ready.election, state: "CLOSED" } }),
      facts({ ...ready, now: AFTER_VOTING, election: { ...ready.election, state: "TALLIED" }, result: { unopposed: false } }),
    ];
    for (const f of positions) expect(lifecycleChecklist(f).filter((s) => s.status === "next")).toHaveLength(1);
  });
});

describe("utcWords", () => {
  it("writes the instant in UTC, with the year only when it is not this year's", () => {
    expect(utcWords(new Date("2026-12-03T17:00:00Z"), new Date("2026-11-29T00:00:00Z"))).toBe("3 Dec 17:00 UTC");
    expect(utcWords(new Date("2027-01-05T08:05:00Z"), new Date("2026-11-29T00:00:00Z"))).toBe("5 Jan 2027 08:05 UTC");
  });
});
