// The words members read about their own declaration and exception request
// (issue 8): one full stop after a typed reason, and a status in words.
import { describe, expect, it } from "vitest";
import { exceptionStatusInWords, withFullStop } from "./election-text";

describe("withFullStop", () => {
  it("adds a full stop only when the text does not end a sentence already", () => {
    expect(withFullStop("Not a contributor.")).toBe("Not a contributor.");
    expect(withFullStop("Not a contributor")).toBe("Not a contributor.");
    expect(withFullStop("  Not a contributor.  ")).toBe("Not a contributor.");
    expect(withFullStop("Really?")).toBe("Really?");
    expect(withFullStop("No!")).toBe("No!");
    expect(withFullStop("Wait…")).toBe("Wait…");
  });
});

describe("exceptionStatusInWords", () => {
  it("says every status in words, the pending one saying nobody has decided yet", () => {
    expect(exceptionStatusInWords("PENDING")).toBe("pending: the officials have not decided yet");
    expect(exceptionStatusInWords("GRANTED")).toBe("granted: you are on the electorate");
    expect(exceptionStatusInWords("DENIED")).toBe("denied");
    expect(exceptionStatusInWords("WITHDRAWN")).toBe("withdrawn by you");
  });
});
