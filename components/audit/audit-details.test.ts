import { describe, expect, it } from "vitest";
import { auditDetailRows, truncate } from "./audit-details";

describe("auditDetailRows", () => {
  it("lists an object's keys with scalar values as text", () => {
    expect(auditDetailRows({ candidacyId: "c1", seats: 2, publish: false, note: null })).toEqual([
      { key: "candidacyId", shown: "c1", full: "c1", truncated: false },
      { key: "seats", shown: "2", full: "2", truncated: false },
      { key: "publish", shown: "false", full: "false", truncated: false },
      { key: "note", shown: "—", full: "—", truncated: false },
    ]);
  });

  it("shows nested values as JSON and cuts long ones, keeping the full text", () => {
    const reason = "x".repeat(100);
    const [nested, long] = auditDetailRows({ winners: ["Ada", "Bo"], reason }, 20);
    expect(nested).toMatchObject({ key: "winners", shown: '["Ada","Bo"]', truncated: false });
    expect(long.shown).toHaveLength(20);
    expect(long.shown.endsWith("…")).toBe(true);
    expect(long).toMatchObject({ full: reason, truncated: true });
  });

  it("gives one row for non-object details and none for empty ones", () => {
    expect(auditDetailRows([1, 2])).toEqual([{ key: "value", shown: "[1,2]", full: "[1,2]", truncated: false }]);
    expect(auditDetailRows(null)).toEqual([]);
    expect(auditDetailRows({})).toEqual([]);
  });

  it("folds whitespace (multi-line reasons) and counts characters, not UTF-16 units", () => {
    expect(truncate("line one\nline two", 60)).toEqual({ shown: "line one line two", truncated: true });
    expect(truncate("😀😀😀", 3)).toEqual({ shown: "😀😀😀", truncated: false });
  });
});
