import { describe, expect, it } from "vitest";
import { TallyInputError } from "../types";
import { jsonErrorOffset, lineOfPath, parseHustingsJson, parseHustingsJsonInput, toHustingsJson } from "./hustings-json";
import { ballotLines, thrown } from "./test-helpers";

const election = {
  title: "TC 2025",
  seats: 2,
  method: "schulze",
  unranked: "exclude",
  maxPerAffiliation: 1,
  candidates: [
    { id: "alice", name: "Alice", affiliation: "Acme" },
    { id: "bob", name: "Bob", affiliation: "Acme" },
    { id: "carol", name: "Carol", affiliation: null },
  ],
  continuingMembers: [{ name: "Zed", affiliation: "Other" }],
  ballots: [
    { ranking: [["alice"], ["bob", "carol"]], count: 3 },
    { ranking: [["carol"]], count: 1 },
    { ranking: [], count: 1 },
  ],
};
const text = JSON.stringify(election, null, 2);

describe("parseHustingsJson", () => {
  it("reads every field", () => {
    const e = parseHustingsJson(text);
    expect(e.title).toBe("TC 2025");
    expect(e.seats).toBe(2);
    expect(e.maxPerAffiliation).toBe(1);
    expect(e.continuingMembers).toEqual([{ name: "Zed", affiliation: "Other" }]);
    expect(e.candidates[1]).toEqual({ id: "bob", name: "Bob", affiliation: "Acme" });
    expect(ballotLines(e)).toEqual(["1", "1 carol", "3 alice>bob=carol"]);
  });

  it("lets options override the file", () => {
    const e = parseHustingsJson(text, { seats: 1, method: "irv", unranked: "last", strength: "margins", maxPerAffiliation: 2 });
    expect([e.seats, e.method, e.unranked, e.strength, e.maxPerAffiliation]).toEqual([1, "irv", "last", "margins", 2]);
  });

  it("defaults seats, count and names", () => {
    const input = parseHustingsJsonInput('{"candidates":[{"id":"a"}],"ballots":[{"ranking":[["a"]]}]}');
    expect(input.seats).toBe(1);
    expect(input.ballots[0].count).toBe(1);
    expect(input.candidates[0].name).toBe("a");
  });

  it("names the line of an unknown candidate", () => {
    const err = thrown(() => parseHustingsJson(text.replace('"carol"\n        ]\n      ],\n      "count": 1', '"dave"\n        ]\n      ],\n      "count": 1')));
    expect(err).toBeInstanceOf(TallyInputError);
    expect(err.message).toMatch(/^line \d+: ballot 2: unknown candidate "dave"$/);
    const lines = text.split("\n");
    expect(lines[err.line! - 1]).toContain('"carol"');
  });

  it("names the line of a repeated candidate", () => {
    const src = '{\n"candidates":[{"id":"a"},{"id":"b"}],\n"ballots":[\n{"ranking":[["a"]]},\n{"ranking":[["a"],["b","a"]]}\n]}';
    expect(thrown(() => parseHustingsJson(src)).message).toBe('line 5: ballot 2: candidate "a" appears more than once');
  });

  it("reports shape errors with their path and line", () => {
    const src = '{\n"candidates":[{"id":"a"}],\n"ballots":[\n{"ranking":[["a"]]},\n{"ranking":"a"}\n]}';
    expect(thrown(() => parseHustingsJson(src)).message).toBe('line 5: ballot 2: "ranking": expected array');
    expect(thrown(() => parseHustingsJson('{"candidates":[],"ballots":[], "method":"borda"}')).message).toMatch(/"method": must be one of "schulze"/);
    expect(thrown(() => parseHustingsJson('{"ballots":[]}')).message).toMatch(/"candidates": expected array/);
    expect(thrown(() => parseHustingsJson('{"candidates":[{"id":""}],"ballots":[]}')).message).toMatch(/candidate 1: "id": must not be empty/);
    expect(thrown(() => parseHustingsJson('{"candidates":[{"id":"a"}],"ballots":[{"ranking":[], "count": 0}]}')).message).toMatch(/ballot 1: count must be a positive number/);
  });

  it("reports bad JSON with a line, empty files and non-objects", () => {
    const err = thrown(() => parseHustingsJson('{\n"candidates": [\n}'));
    expect(err.message).toMatch(/not valid JSON/);
    expect(err.line).toBe(3);
    expect(thrown(() => parseHustingsJson("  ")).message).toMatch(/the file is empty/);
    expect(thrown(() => parseHustingsJson("[1]")).message).toMatch(/expected a JSON object/);
  });

  it("names the line of a rule the file gets wrong, but not of one a flag set", () => {
    const src = '{"candidates":[{"id":"a"}],\n"ballots":[],\n"seats": 2}';
    expect(thrown(() => parseHustingsJson(src)).message).toBe("line 3: seats (2) is more than the number of candidates (1)");
    expect(thrown(() => parseHustingsJson(src.replace('"seats": 2', '"seats": 1'), { seats: 2 })).line).toBeUndefined();
  });

  it("applies the shared rules (seats in range)", () => {
    expect(thrown(() => parseHustingsJson(text, { seats: 4 })).message).toMatch(/seats \(4\) is more than the number of candidates/);
  });
});

describe("lineOfPath", () => {
  it("finds nested values, and the nearest parent when a key is missing", () => {
    const src = '{\n  "a": [\n    1,\n    {"b":\n      "x"}\n  ],\n  "c": "[{\\"}"\n}';
    expect(lineOfPath(src, ["a", 1, "b"])).toBe(5);
    expect(lineOfPath(src, ["a", 0])).toBe(3);
    expect(lineOfPath(src, ["c"])).toBe(7);
    expect(lineOfPath(src, ["a", 1, "zz"])).toBe(4);
  });
});

describe("toHustingsJson", () => {
  it("round-trips both the input and the compiled form", () => {
    const compiled = parseHustingsJson(text);
    const written = toHustingsJson(compiled);
    expect(ballotLines(parseHustingsJson(written))).toEqual(ballotLines(compiled));
    const again = parseHustingsJson(toHustingsJson(parseHustingsJsonInput(text)));
    expect(again).toEqual(compiled);
    expect(written).toContain('    {"ranking": [["alice"],["bob","carol"]], "count": 3}');
    expect(JSON.parse(written).continuingMembers).toEqual([{ name: "Zed", affiliation: "Other" }]);
  });
});

describe("jsonErrorOffset", () => {
  it("points at the first character strict JSON rejects", () => {
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": "x\\q"}')).toBe(9);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
  });
});
