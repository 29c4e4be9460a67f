import { describe, expect, it } from "vitest";
import { TallyInputError } from "../types";
import { parseBlt, slug, toBlt } from "./blt";
import { ballotLines, thrown } from "./test-helpers";

const sample = `4 2
-4
3 1 2 0
(b2) 2 1=3 2 0
1.5 3 0
1 0
1 4 2 0
0
"Alice Smith"
"Bob"
"Carol"
"Dan"
"Committee 2025"
`;

describe("parseBlt", () => {
  it("reads seats, weights, ties, ballot ids, withdrawn candidates, names and title", () => {
    const e = parseBlt(sample);
    expect(e.title).toBe("Committee 2025");
    expect(e.seats).toBe(2);
    expect(e.candidates).toEqual([
      { id: "alice-smith", name: "Alice Smith", affiliation: null },
      { id: "bob", name: "Bob", affiliation: null },
      { id: "carol", name: "Carol", affiliation: null },
    ]);
    // The withdrawn Dan is dropped from "1 4 2 0", leaving a ballot for Bob alone.
    expect(ballotLines(e)).toEqual(["1", "1 bob", "1.5 carol", "2 alice-smith=carol>bob", "3 alice-smith>bob"]);
  });

  it("lets options override the file's seats and title", () => {
    const e = parseBlt(sample, { seats: 1, title: "Other", method: "stv-scottish" });
    expect([e.seats, e.title, e.method]).toEqual([1, "Other", "stv-scottish"]);
  });

  it("accepts names on one line and a missing title", () => {
    const e = parseBlt('2 1\n1 1 2 0\n0\n"A" "B"\n');
    expect(e.candidates.map((c) => c.id)).toEqual(["a", "b"]);
    expect(e.title).toBe("");
  });

  const cases: [string, string, number, RegExp][] = [
    ["candidate out of range", '2 1\n1 1 3 0\n0\n"A"\n"B"\n', 2, /candidate 3 is out of range \(the election has 2\)/],
    ["duplicate candidate", '2 1\n1 1 2 0\n2 2 1=2 0\n0\n"A"\n"B"\n', 3, /candidate 2 appears more than once in the ballot/],
    ["missing ballot terminator", '2 1\n1 1 2\n0\n"A"\n"B"\n', 2, /the ballot does not end with "0"/],
    ["zero inside a ballot", '2 1\n1 1 0 2 0\n0\n"A"\n"B"\n', 2, /"0" in the middle of a ballot/],
    ["bad weight", '2 1\nx 1 2 0\n0\n"A"\n"B"\n', 2, /ballot weight "x" is not a positive number/],
    ["zero weight", '2 1\n0 1 2 0\n0\n"A"\n"B"\n', 2, /ballot weight "0" is not a positive number/],
    ["no end-of-ballots line", '2 1\n1 1 2 0\n"A"\n"B"\n', 3, /without the "0" line/],
    ["too few names", '2 1\n1 1 2 0\n0\n"A"\n', 4, /expected 2 quoted candidate names/],
    ["bad header", "2\n1 1 0\n0\n", 1, /expected "<candidates> <seats>"/],
    ["bad withdrawn", '2 1\n-3\n0\n"A"\n"B"\n', 2, /withdrawn candidate 3 is not between 1 and 2/],
    ["not a candidate number", '2 1\n1 a 0\n0\n"A"\n"B"\n', 2, /preference "a" is not a candidate number/],
    ["unquoted name", "2 1\n0\nA\nB\n", 3, /expected a quoted candidate name/],
    ["seats more than candidates", '2 3\n0\n"A"\n"B"\n', 0, /seats \(3\) is more than the number of candidates \(2\)/],
  ];
  for (const [what, text, line, re] of cases) {
    it(`reports ${what}${line ? ` on line ${line}` : ""}`, () => {
      const err = thrown(() => parseBlt(text));
      expect(err).toBeInstanceOf(TallyInputError);
      expect(err.message).toMatch(re);
      if (line) expect(err.line).toBe(line);
    });
  }

  it("rejects an empty file", () => {
    expect(thrown(() => parseBlt(" \n")).message).toMatch(/^line 1: the file is empty/);
  });
});

describe("toBlt", () => {
  it("writes one line per distinct ballot and reads back the same ballots", () => {
    const e = parseBlt(sample);
    const text = toBlt(e);
    expect(text).toBe(`3 2
3 1 2 0
2 1=3 2 0
1.5 3 0
1 0
1 2 0
0
"Alice Smith"
"Bob"
"Carol"
"Committee 2025"
`);
    expect(ballotLines(parseBlt(text))).toEqual(ballotLines(e));
  });

  it("slugs names into ids", () => {
    expect(slug("Zoë O'Brien")).toBe("zoe-o-brien");
    expect(slug("  ")).toBe("");
  });
});
