// What the lists say about an election: never the schedule of a cancelled one,
// and the real end of voting after an early close.
import { describe, expect, it } from "vitest";
import { electionPhase } from "@/lib/elections/phase";
import { keyDate, shortReason, type DatedElection } from "./election-key-date";

const at = (d: string) => new Date(`2026-12-${d}T12:00:00Z`);
const now = at("01");
const base = (over: Partial<DatedElection> & { state: "SCHEDULED" | "CLOSED" | "TALLIED" | "PUBLISHED" | "CANCELLED" }) => {
  const e = {
    nominationsOpenAt: at("02"),
    nominationsCloseAt: at("03"),
    votingOpenAt: at("04"),
    votingCloseAt: at("06"),
    votingClosedAt: null,
    cancelledAt: null,
    cancelReason: null,
    ...over,
  };
  return keyDate(e, electionPhase(e, now));
};

describe("keyDate", () => {
  it("says when voting really closed after an early close, not the scheduled close", () => {
    expect(base({ state: "CLOSED", votingOpenAt: at("01"), votingClosedAt: now })).toEqual({ kind: "date", label: "Voting closed", at: now });
    expect(base({ state: "PUBLISHED", votingClosedAt: at("09") })).toEqual({ kind: "date", label: "Voting closed", at: at("06") });
  });

  it("says a cancelled election is cancelled, when and why, never the schedule it will not keep", () => {
    expect(base({ state: "CANCELLED", cancelledAt: now, cancelReason: "The charter changed.\nMore below." })).toEqual({ kind: "cancelled", at: now, reason: "The charter changed." });
    expect(base({ state: "CANCELLED", cancelledAt: null, cancelReason: null })).toEqual({ kind: "cancelled", at: null, reason: undefined });
  });

  it("names what comes next while the election is live", () => {
    expect(base({ state: "SCHEDULED" })).toEqual({ kind: "date", label: "Nominations open", at: at("02") });
  });

  it("cuts a long reason to one short line", () => {
    const reason = shortReason("x".repeat(500))!;
    expect(reason).toHaveLength(140);
    expect(reason.endsWith("…")).toBe(true);
    expect(shortReason("   ")).toBeUndefined();
  });
});
