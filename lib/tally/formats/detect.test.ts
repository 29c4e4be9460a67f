import { describe, expect, it } from "vitest";
import { detectFormat, parseElection } from "./detect";

describe("detectFormat", () => {
  it("trusts the extension", () => {
    expect(detectFormat("x.JSON", "")).toBe("json");
    expect(detectFormat("a/b.csv", "{")).toBe("csv");
    expect(detectFormat("e.blt", "a,b")).toBe("blt");
  });

  it("falls back to the content", () => {
    expect(detectFormat("ballots.txt", '\uFEFF  {"candidates": []}')).toBe("json");
    expect(detectFormat(undefined, "3 1\n1 1 2 0\n0\n")).toBe("blt");
    expect(detectFormat(undefined, new TextEncoder().encode("  4   2 \r\n0\n"))).toBe("blt");
    expect(detectFormat("x", "alice,bob\n1,2\n")).toBe("csv");
    expect(detectFormat("x", "12\n")).toBe("csv");
  });
});

describe("parseElection", () => {
  it("reads each format to the same ballots", () => {
    const json = parseElection('{"candidates":[{"id":"a"},{"id":"b"}],"ballots":[{"ranking":[["b"],["a"]],"count":2}]}');
    const csv = parseElection("a,b\n2,1\n2,1\n");
    const blt = parseElection('2 1\n2 2 1 0\n0\n"a"\n"b"\n');
    expect(csv.ballots).toEqual(json.ballots);
    expect(blt.ballots).toEqual(json.ballots);
  });
});
