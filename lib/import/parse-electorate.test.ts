import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "./import-error";
import { dedupeElectorate, detectElectorateFormat, parseCsvRecords, parseElectorate } from "./parse-electorate";

const fixtures = join(import.meta.dirname, "..", "..", "test", "fixtures", "import");
const read = (name: string) => readFileSync(join(fixtures, name), "utf8");

describe("parseElectorate: CSV", () => {
  it("reads login,email,name with quoted fields and merges logins case-insensitively", () => {
    expect(detectElectorateFormat(read("electorate.csv"))).toBe("csv");
    expect(parseElectorate(read("electorate.csv"))).toEqual([
      { login: "alice-dev", email: "alice@example.com", name: "Alice Example" },
      { login: "bob", email: "bob@example.org", name: 'Builder, Bob "The Fixer"' },
      { login: null, email: "carol@example.net", name: "Carol Only-Email" },
      { login: "dave", email: null, name: null },
    ]);
  });

  it("accepts the columns in another order, CRLF line ends and a quoted newline", () => {
    const csv = 'name,login,email\r\n"Multi\nLine",ml,ml@example.com\r\n';
    expect(parseElectorate(csv)).toEqual([{ login: "ml", email: "ml@example.com", name: "Multi\nLine" }]);
  });

  it("rejects a wrong header, naming the line", () => {
    expect(() => parseElectorate("login,mail,name\nx,x@example.com,X\n")).toThrow(ImportError);
    expect(() => parseElectorate("login,mail,name\nx,x@example.com,X\n")).toThrow(/line 1: the header must be "login,email,name"/);
  });

  it("rejects an entry with neither login nor email", () => {
    expect(() => parseElectorate("login,email,name\nok,,\n,,Nobody\n")).toThrow(/line 3: entry has neither a GitHub login nor an email/);
  });

  it("rejects an invalid email and an invalid login, quoting the value", () => {
    expect(() => parseElectorate("login,email,name\nok,not-an-email,X\n")).toThrow(/line 2: email "not-an-email" is not a valid email address/);
    expect(() => parseElectorate("login,email,name\nbad login,,X\n")).toThrow(/line 2: login "bad login" is not a valid GitHub login/);
  });

  it("rejects a row with the wrong number of fields and an unclosed quote", () => {
    expect(() => parseElectorate("login,email,name\na,b@example.com\n")).toThrow(/line 2: expected 3 fields, found 2/);
    expect(() => parseElectorate('login,email,name\na,"b@example.com,B\n')).toThrow(/line 2: quoted field is never closed/);
  });

  it("counts lines across quoted newlines", () => {
    expect(parseCsvRecords('a,b\n"x\ny",z\nlast,row').map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe("parseElectorate: Kata electorate YAML", () => {
  it("flattens the per-repository lists, falls back to emails[] and merges repeated authors", () => {
    const text = read("electorate-kata.yaml");
    expect(detectElectorateFormat(text)).toBe("kata-yaml");
    expect(parseElectorate(text)).toEqual([
      { login: "alice-dev", email: "alice@example.com", name: "Alice Example" },
      { login: "erin", email: "erin@example.com", name: null },
      { login: "frank", email: "frank@example.org", name: "Frank Example" },
    ]);
  });

  it("also accepts a flat list of authors", () => {
    const text = "- github_id: gil\n  name: Gil Example\n  email: gil@example.com\n  emails: [gil@example.com]\n  commit_count: 2\n";
    expect(parseElectorate(text)).toEqual([{ login: "gil", email: "gil@example.com", name: "Gil Example" }]);
  });

  it("names the entry and its line when an author is invalid", () => {
    const text = "- repo/a:\n  - github_id: ok\n    email: ok@example.com\n  - github_id: null\n    email: null\n    emails: []\n";
    expect(() => parseElectorate(text)).toThrow(/entry 2 \(line 4\): entry has neither a github_id nor an email/);
  });

  it("reports malformed YAML with its line", () => {
    expect(() => parseElectorate("- github_id: a\n  email: [unclosed\n")).toThrow(/line \d+: invalid YAML/);
  });
});

describe("parseElectorate: Elekto voters.yaml", () => {
  it("reads eligible_voters and merges logins case-insensitively", () => {
    const text = read("voters.yaml");
    expect(detectElectorateFormat(text)).toBe("elekto-voters");
    expect(parseElectorate(text)).toEqual([
      { login: "alice-dev", email: null, name: null },
      { login: "bob", email: null, name: null },
      { login: "Carol42", email: null, name: null },
    ]);
  });

  it("names the bad entry and its line", () => {
    expect(() => parseElectorate("eligible_voters:\n- good\n- not a login\n")).toThrow(
      /eligible_voters entry 2 \(line 3\): "not a login" is not a valid GitHub login/,
    );
  });

  it("refuses eligible_voters that is not a list", () => {
    expect(() => parseElectorate("eligible_voters:\n  alice: yes\n")).toThrow(/eligible_voters must be a list of GitHub logins/);
  });

  it("accepts an empty list", () => {
    expect(parseElectorate("eligible_voters: []\n")).toEqual([]);
  });
});

describe("electorate format detection and de-duplication", () => {
  it("refuses content in no known format", () => {
    expect(() => parseElectorate("just, some\ntext")).toThrow(/unrecognised electorate file/);
  });

  it("fills gaps from later duplicates but keeps the first values", () => {
    expect(
      dedupeElectorate([
        { login: "Ann", email: null, name: "Ann" },
        { login: "ann", email: "ann@example.com", name: "Other" },
        { login: null, email: "x@example.com", name: null },
        { login: null, email: "X@example.com", name: "X" },
      ]),
    ).toEqual([
      { login: "Ann", email: "ann@example.com", name: "Ann" },
      { login: null, email: "x@example.com", name: "X" },
    ]);
  });
});

// Issue 8: an official fixing a roll sees every bad line at once, not one per upload.
describe("every bad entry is reported", () => {
  const message = (text: string) => {
    try {
      parseElectorate(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return (e as Error).message;
    }
    throw new Error("expected the roll to be refused");
  };

  it("lists every bad CSV line with its number, and returns nothing", () => {
    const m = message("login,email,name\nok,,\nbad login,,X\nfine,,\n,not-an-email,Y\n,,Nobody\n");
    expect(m).toMatch(/^3 entries are wrong; nothing was imported:/);
    expect(m.split("\n").slice(1)).toEqual([
      'line 3: login "bad login" is not a valid GitHub login',
      'line 5: email "not-an-email" is not a valid email address',
      "line 6: entry has neither a GitHub login nor an email",
    ]);
  });

  it("shows at most 50 and counts the rest", () => {
    const rows = Array.from({ length: 120 }, (_, i) => `bad login ${i},,X`);
    const m = message(`login,email,name\n${rows.join("\n")}\n`);
    const lines = m.split("\n");
    expect(lines[0]).toBe("120 entries are wrong; nothing was imported:");
    expect(lines.slice(1, -1)).toHaveLength(50);
    expect(lines[1]).toMatch(/^line 2: /);
    expect(lines.at(-1)).toBe("and 70 more.");
  });

  it("lists every bad Kata YAML entry and every bad Elekto login", () => {
    const kata = message("- github_id: ok\n- name: Nobody\n- github_id: bad login\n");
    expect(kata.split("\n").slice(1)).toEqual([expect.stringMatching(/^entry 2 \(line 2\)/), expect.stringMatching(/^entry 3 \(line 3\)/)]);
    const elekto = message("eligible_voters:\n- good\n- not a login\n- also bad\n");
    expect(elekto).toMatch(/^2 entries are wrong/);
    expect(elekto).toMatch(/entry 2 \(line 3\)/);
    expect(elekto).toMatch(/entry 3 \(line 4\)/);
  });
});
