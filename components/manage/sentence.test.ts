import { describe, expect, it } from "vitest";
import { asSentence } from "./sentence";

describe("a rejection reason as one sentence", () => {
  it("keeps the reason's own full stop and adds one only when missing", () => {
    expect(asSentence("Not a maintainer.")).toBe("Not a maintainer.");
    expect(asSentence("Not a maintainer")).toBe("Not a maintainer.");
    expect(asSentence("  Why? ")).toBe("Why?");
    expect(asSentence('See "the charter."')).toBe('See "the charter."');
    expect(asSentence("Ends with an ellipsis…")).toBe("Ends with an ellipsis…");
  });
});
