import { describe, expect, it } from "vitest";
import { isPublicElection } from "./visibility";

describe("isPublicElection", () => {
  const opened = new Date("2026-01-01T00:00:00Z");
  it("keeps drafts private, and drafts cancelled before they ever opened", () => {
    expect(isPublicElection({ state: "DRAFT", openedAt: null })).toBe(false);
    expect(isPublicElection({ state: "CANCELLED", openedAt: null })).toBe(false);
  });
  it("shows everything that was opened, cancelled later or not", () => {
    for (const state of ["SCHEDULED", "CLOSED", "TALLIED", "PUBLISHED"]) expect(isPublicElection({ state, openedAt: opened })).toBe(true);
    expect(isPublicElection({ state: "CANCELLED", openedAt: opened })).toBe(true);
  });
});
