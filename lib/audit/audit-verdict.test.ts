import { describe, expect, it } from "vitest";
import { auditVerdict } from "./audit-verdict";

describe("auditVerdict", () => {
  it("says the log is whole, with its size and head", () => {
    expect(auditVerdict({ ok: true, entries: 12, head: "ab12", headSeq: 40, checkpoints: 2 })).toBe(
      "The audit log is whole: 12 entries, head #40 ab12 (2 checkpoints on results agree).",
    );
    expect(auditVerdict({ ok: true, entries: 0, head: "0".repeat(64), headSeq: 0, checkpoints: 0 })).toBe("The audit log is whole: it has no entries yet.");
  });

  it("names the entry where it was tampered with, and why", () => {
    expect(auditVerdict({ ok: false, entries: 3, head: "ab", headSeq: 3, checkpoints: 1, brokenAt: 4, reason: "its content does not match its hash" })).toBe(
      "The audit log has been tampered with at entry 4: its content does not match its hash.",
    );
  });
});
