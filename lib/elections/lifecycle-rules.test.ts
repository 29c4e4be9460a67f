import { describe, expect, it } from "vitest";
import { openElectionMissing, openElectionRefusal, scheduleFieldErrors } from "./lifecycle-rules";

const at = (iso: string) => new Date(`${iso}:00Z`);
const NOW = at("2026-11-30T00:00");
const good = { nominationsOpenAt: at("2026-12-01T09:00"), nominationsCloseAt: at("2026-12-10T17:00"), votingOpenAt: at("2026-12-11T09:00"), votingCloseAt: at("2026-12-20T17:00") };

describe("a typed schedule's mistakes, per field, in the form's words", () => {
  it("says nothing of a good schedule", () => {
    expect(scheduleFieldErrors(good, NOW, "all")).toEqual({});
  });

  it("names the field that breaks the order, as the form labels it", () => {
    expect(scheduleFieldErrors({ ...good, votingCloseAt: at("2026-12-11T08:00") }, NOW, "all")).toEqual({ votingCloseAt: "Voting closes must be after voting opens." });
    expect(scheduleFieldErrors({ ...good, nominationsCloseAt: at("2026-11-30T09:00") }, NOW, "all")).toEqual({ nominationsCloseAt: "Nominations close must be after nominations open." });
    expect(scheduleFieldErrors({ ...good, votingOpenAt: at("2026-12-10T16:00") }, NOW, "all")).toEqual({ votingOpenAt: "Voting opens must be at or after nominations close." });
  });

  it("wants the close in the future while every date may move", () => {
    expect(scheduleFieldErrors(good, at("2026-12-21T00:00"), "all")).toEqual({ votingCloseAt: "Voting closes must be in the future." });
  });
});

describe("what a draft still needs before it can be opened", () => {
  const draft = { state: "DRAFT" as const, nominationsOpenAt: null, nominationsCloseAt: null, votingOpenAt: null, votingCloseAt: null };

  it("names the dates not set yet", () => {
    expect(openElectionMissing(draft)).toEqual(["The schedule has no date yet for: nominations open, nominations close, voting opens, voting closes."]);
    expect(openElectionMissing({ ...draft, ...good, votingCloseAt: null })).toEqual(["The schedule has no date yet for: voting closes."]);
  });

  it("names an out-of-order schedule's field, and is empty exactly when the election can open", () => {
    expect(openElectionMissing({ ...draft, ...good, votingCloseAt: at("2026-12-11T08:00") })).toEqual(["The schedule is out of order: Voting closes must be after voting opens."]);
    expect(openElectionMissing({ ...draft, ...good })).toEqual([]);
    expect(openElectionRefusal({ ...draft, ...good })).toBeNull();
    expect(openElectionMissing({ ...draft, ...good, state: "SCHEDULED" })).toEqual(["Only a draft election can be opened."]);
  });
});
