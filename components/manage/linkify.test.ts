import { describe, expect, it } from "vitest";
import { linkParts } from "./linkify";

describe("links in a member's request", () => {
  it("turns http and https addresses into links, leaving the sentence's punctuation outside", () => {
    expect(linkParts("My PRs: https://github.com/org/repo/pulls?q=is%3Apr+author%3Adana. Also (http://example.org/a_(b)).")).toEqual([
      { text: "My PRs: " },
      { href: "https://github.com/org/repo/pulls?q=is%3Apr+author%3Adana", text: "https://github.com/org/repo/pulls?q=is%3Apr+author%3Adana" },
      { text: ". Also (" },
      { href: "http://example.org/a_(b)", text: "http://example.org/a_(b)" },
      { text: ")." },
    ]);
  });

  it("never makes a link of javascript:, data: or other schemes", () => {
    for (const text of ["javascript:alert(document.cookie)", "see javascript://%0aalert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/x", "JAVASCRIPT:alert(1)"]) {
      expect(linkParts(text).filter((p) => "href" in p), text).toEqual([]);
      expect(linkParts(text).map((p) => p.text).join("")).toBe(text);
    }
  });

  it("keeps plain text unchanged", () => {
    expect(linkParts("I contributed docs in 2025.")).toEqual([{ text: "I contributed docs in 2025." }]);
    expect(linkParts("")).toEqual([]);
  });
});
