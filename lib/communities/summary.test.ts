import { describe, expect, it } from "vitest";
import { descriptionLine } from "./summary";

describe("descriptionLine", () => {
  it("takes the first line of text without Markdown markup or link targets", () => {
    expect(descriptionLine("\n# The **Kata** project\n\nMore.")).toBe("The Kata project");
    expect(descriptionLine("Read [our charter](https://example.org/c) and `docs`.")).toBe("Read our charter and docs.");
    expect(descriptionLine("```\ncode\n```")).toBe("code");
  });
  it("is empty for an empty description and cut with an ellipsis past 160 characters", () => {
    expect(descriptionLine("   \n ")).toBe("");
    const long = descriptionLine("é".repeat(400));
    expect(Array.from(long)).toHaveLength(160);
    expect(long.endsWith("…")).toBe(true);
  });
});
