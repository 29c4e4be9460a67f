import { describe, expect, it } from "vitest";
import { parseUtcMinute, utcMinute } from "./utc-minute";

describe("the schedule form's UTC notation", () => {
  it("writes 24-hour UTC in ISO style and reads it back unchanged", () => {
    const d = new Date("2026-12-04T17:00:00Z");
    expect(utcMinute(d)).toBe("2026-12-04 17:00");
    expect(parseUtcMinute(utcMinute(d))?.toISOString()).toBe(d.toISOString());
    expect(utcMinute(null)).toBe("");
  });

  it("accepts the T form and exact instants (hidden fields), refuses what is not a real date and time", () => {
    expect(parseUtcMinute("2026-12-04T05:07")?.toISOString()).toBe("2026-12-04T05:07:00.000Z");
    expect(parseUtcMinute("2026-12-04T05:07:09.123")?.toISOString()).toBe("2026-12-04T05:07:09.123Z");
    for (const bad of ["2026-02-30 10:00", "2026-12-04 24:00", "2026-12-04 5:00 PM", "04/12/2026 17:00", "", "2026-12-04"]) {
      expect(parseUtcMinute(bad), bad).toBeNull();
    }
  });
});
