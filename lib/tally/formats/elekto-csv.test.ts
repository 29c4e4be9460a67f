import { describe, expect, it } from "vitest";
import { TallyInputError } from "../types";
import { parseElektoCsv, toElektoCsv } from "./elekto-csv";
import { ballotLines, thrown } from "./test-helpers";

describe("parseElektoCsv", () => {
  it("reads ranks, ties, No opinion and empty cells, folding identical ballots", () => {
    const e = parseElektoCsv("alice,bob,carol\n1,2,No opinion\n1,1,2\n1,2,\n,,\nNo opinion,No opinion,No opinion\n");
    expect(e.candidates.map((c) => c.id)).toEqual(["alice", "bob", "carol"]);
    expect(ballotLines(e)).toEqual(["1 alice=bob>carol", "2", "2 alice>bob"]);
    expect(e.seats).toBe(1);
    expect(e.method).toBe("schulze");
    expect(e.unranked).toBe("exclude");
  });

  it("normalises gaps and takes rules from the options", () => {
    const e = parseElektoCsv("a,b,c\n3,7,3\n", { seats: 2, method: "stv-meek", unranked: "last", strength: "margins" });
    expect(ballotLines(e)).toEqual(["1 a=c>b"]);
    expect(e.ballots.ranks.slice(0, 3)).toEqual(new Int32Array([1, 2, 1]));
    expect([e.seats, e.method, e.unranked, e.strength]).toEqual([2, "stv-meek", "last", "margins"]);
  });

  it("accepts CRLF, a BOM, quoted cells, spaces around numbers and a missing final newline", () => {
    const csv = '\uFEFF"alice","bob, jr"\r\n" 2 ",1\r\n"No opinion", 1 ';
    const e = parseElektoCsv(new TextEncoder().encode(csv));
    expect(e.candidates.map((c) => c.id)).toEqual(["alice", "bob, jr"]);
    expect(ballotLines(e)).toEqual(["1 bob, jr", "1 bob, jr>alice"]);
  });

  it("names the line and candidate of a rank that is not a positive integer", () => {
    for (const bad of ["x", "0", "-1", "1.5", "2e3", "99999999999"]) {
      const err = thrown(() => parseElektoCsv(`alice,bob\n1,2\n\n2,${bad}\n`));
      expect(err).toBeInstanceOf(TallyInputError);
      expect(err.line).toBe(4);
      expect(err.message).toBe(`line 4: rank "${bad}" for candidate "bob" is not a positive integer`);
    }
  });

  it("reports a wrong column count with the line", () => {
    expect(thrown(() => parseElektoCsv("a,b,c\n1,2,3\n1,2\n")).message).toBe("line 3: the row has 2 columns but the header names 3 candidates");
    expect(thrown(() => parseElektoCsv("a,b\n1,2,3\n")).message).toBe("line 2: the row has 3 columns but the header names 2 candidates");
  });

  it("rejects duplicate and empty header ids, and empty files", () => {
    expect(thrown(() => parseElektoCsv("a,b,a\n1,2,3\n")).message).toBe('line 1: candidate id "a" appears twice in the header (columns 1 and 3)');
    expect(thrown(() => parseElektoCsv("a,,b\n")).message).toBe("line 1: column 2 of the header has no candidate id");
    expect(thrown(() => parseElektoCsv("")).message).toMatch(/^line 1: the file is empty/);
    expect(thrown(() => parseElektoCsv("\n\n  \n")).message).toMatch(/the file is empty/);
  });

  it("rejects seats out of range through the shared rules", () => {
    expect(thrown(() => parseElektoCsv("a,b\n1,2\n", { seats: 3 })).message).toMatch(/seats \(3\) is more than the number of candidates \(2\)/);
    expect(thrown(() => parseElektoCsv("a,b\n1,2\n", { seats: 0 })).message).toMatch(/seats must be a whole number of at least 1/);
  });

  it("an unclosed quote is an error, not a hang", () => {
    expect(thrown(() => parseElektoCsv('a,b\n"1,2\n')).message).toBe("line 2: a quoted cell is never closed");
  });

  it("a header-only file is an election with no ballots", () => {
    const e = parseElektoCsv("a,b\n");
    expect(e.ballots.groups).toBe(0);
  });
});

describe("toElektoCsv", () => {
  it("writes one row per voter and reads back the same ballots", () => {
    const input = {
      seats: 1,
      candidates: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      ballots: [
        { ranking: [["a"], ["b", "c"]], count: 2 },
        { ranking: [], count: 1 },
        { ranking: [["c"]], count: 1 },
      ],
    };
    const csv = toElektoCsv(input);
    expect(csv).toBe("a,b,c\n1,2,2\n1,2,2\nNo opinion,No opinion,No opinion\nNo opinion,No opinion,1\n");
    expect(ballotLines(parseElektoCsv(csv))).toEqual(["1", "1 c", "2 a>b=c"]);
  });

  it("quotes ids that need it and refuses fractional weights", () => {
    expect(toElektoCsv({ seats: 1, candidates: [{ id: "x,y", name: "" }], ballots: [] })).toBe('"x,y"\n');
    expect(() => toElektoCsv({ seats: 1, candidates: [{ id: "a", name: "" }], ballots: [{ ranking: [["a"]], count: 1.5 }] })).toThrow(/fractional/);
  });
});
