import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "./import-error";
import { parseElektoCandidate } from "./parse-elekto-candidate";

const fixture = join(import.meta.dirname, "..", "..", "test", "fixtures", "import", "candidate-fjones.md");

describe("parseElektoCandidate", () => {
  it("reads the dashed header, the info list and the Markdown body", () => {
    const d = parseElektoCandidate(readFileSync(fixture, "utf8"), "candidate-fjones.md");
    expect(d).toEqual({
      name: "Fiona Jones",
      email: "fiona@example.com",
      emails: ["fiona@example.com"],
      githubLogin: "fjones",
      affiliation: "Example Corp",
      affiliationInferred: false,
      platform: null,
      statement: "## SIGS\n\n- SIG Imaginary (chair)\n\n## What I have done\n\nWritten **fictional** candidate statements.",
      sourceFile: "candidate-fjones.md",
      warnings: [],
    });
  });

  it("accepts a --- fence, takes the ID from the file name and infers affiliation from the email", () => {
    const d = parseElektoCandidate("---\nname: Gus Example\ninfo:\n- email: gus@redhat.com\n---\nHello.\n", "candidate-gusx.md");
    expect(d).toMatchObject({ githubLogin: "gusx", affiliation: "Red Hat", affiliationInferred: true, statement: "Hello." });
  });

  it("treats an employer of 'none' as declared unaffiliated and warns about a missing email", () => {
    const d = parseElektoCandidate("---\nname: Hal Example\nID: hal\ninfo:\n  - employer: None\n---\n", "candidate-hal.md");
    expect(d.affiliation).toBe("none");
    expect(d.warnings).toContain("no email address found");
  });

  it("rejects a file without a header, an unclosed header and a header without a name", () => {
    expect(() => parseElektoCandidate("# Just Markdown\n", "candidate-x.md")).toThrow(ImportError);
    expect(() => parseElektoCandidate("---\nname: X\n", "candidate-x.md")).toThrow(/closing dashed line is missing/);
    expect(() => parseElektoCandidate("---\nID: x\n---\nBody", "candidate-x.md")).toThrow(/candidate-x\.md: header field "name" is missing/);
  });
});
