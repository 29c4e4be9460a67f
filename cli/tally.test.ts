import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseElektoCsv } from "../lib/tally/formats/elekto-csv";
import type { ElectionOptions } from "../lib/tally/formats/common";
import { tallyCompiled } from "../lib/tally/index";
import { resultJson } from "../lib/tally/report";

const root = join(import.meta.dirname, "..");
const fixtures = join(root, "test", "fixtures", "tally");
const fx = (name: string) => join(fixtures, name);

/** Runs the real launcher, as `npx hustings tally` would. */
function hustings(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "cli", "bin", "hustings.mjs"), "tally", ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
  const r = hustings(...args, "--format", "json");
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

/** A seeded Elekto CSV of truncated ballots with some ties: over 1 MB at 20,000 ballots of 12. */
function largeCsv(ballots: number, n: number): string {
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const rows = [Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(2, "0")}`).join(",")];
  for (let b = 0; b < ballots; b++) {
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
    const cells: string[] = Array(n).fill("No opinion");
    const ranked = 1 + Math.floor(rnd() * n);
    for (let k = 0, rank = 0; k < ranked; k++) cells[order[k]] = String(k === 0 || rnd() > 0.15 ? ++rank : rank);
    rows.push(cells.join(","));
  }
  return rows.join("\n") + "\n";
}

beforeAll(() => {
  // Always test the bundle built from the sources in this tree, never a stale one.
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: root, stdio: "pipe" });
}, 120_000);

describe("hustings tally: the three formats", () => {
  it("gives the same winners, ranking and pairwise matrix for JSON, CSV and BLT", () => {
    const fromJson = json(fx("cli-small.json"));
    const fromCsv = json(fx("cli-small.csv"));
    const fromBlt = json(fx("cli-small.blt"));
    expect(fromJson.winners).toEqual(["alice"]);
    for (const r of [fromCsv, fromBlt]) {
      expect(r.winners).toEqual(fromJson.winners);
      expect(r.ranking).toEqual(fromJson.ranking);
      expect(r.pairwise).toEqual(fromJson.pairwise);
      expect(r.strongestPaths).toEqual(fromJson.strongestPaths);
      expect(r.ballots).toBe(11);
      expect(r.abstentions).toBe(1);
      expect(r.ballotHash).toBe(fromJson.ballotHash);
    }
    expect(fromJson.pairwise.alice.bob).toBe(4);
    expect(fromJson.pairwise.bob.alice).toBe(2);
  });

  it("prints the PRODUCT §8 fields first, then the rest of the result", () => {
    const r = json(fx("cli-example.json"));
    expect(Object.keys(r).slice(0, 10)).toEqual([
      "method", "seats", "candidates", "ballots", "winners", "ranking", "pairwise", "strongestPaths", "skippedForCap", "tieBreaks",
    ]);
    expect(r).toMatchObject({ method: "schulze", seats: 2, ballots: 15, abstentions: 1, winners: ["alice", "carol"], maxPerAffiliation: 2 });
    expect(r.skippedForCap).toEqual([expect.objectContaining({ candidate: "bob", affiliation: "Acme", seat: 2 })]);
    // docs/cli.md: sha256sum of the canonical ballot text it prints.
    expect(r.ballotHash).toBe("d4be2d49186803158b3c2155031973dbe71d7b0cdacf37ce951b8fe0da63f74b");
  });

  it("reads the file's rules and lets flags override them, in both flag spellings", () => {
    expect(json(fx("cli-example.json")).seats).toBe(2);
    const one = json(fx("cli-example.json"), "--seats", "1", "--strength=margins", "--unranked=last");
    expect(one).toMatchObject({ seats: 1, strength: "margins", unranked: "last", winners: ["alice"] });
    const uncapped = json(fx("cli-example.json"), "--max-per-affiliation", "3");
    expect(uncapped.skippedForCap).toEqual([]);
    expect(uncapped.winners).toEqual(["alice", "carol"]);
    // By hand (unranked = no opinion): alice beats bob 4:2 and carol 4:2, bob beats carol 7:2 and dave 3:0,
    // carol and dave never meet: alice > bob > carol = dave, so two seats go to alice and bob.
    expect(json(fx("cli-small.csv"), "--seats=2").winners).toEqual(["alice", "bob"]);
    expect(json(fx("cli-small.blt"), "--method", "ranked-pairs").method).toBe("ranked-pairs");
  });

  it("writes a readable text report by default", () => {
    const r = hustings(fx("cli-example.json"));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Election: Example Architecture Committee, autumn 2025");
    expect(r.stdout).toContain("Winners (2 of 2 seats):\n  1. Alice Archer (alice)\n  2. Carol Chen (carol)");
    expect(r.stdout).toContain("2=  Bob Baker (bob), Carol Chen (carol)");
    expect(r.stdout).toMatch(/Pairwise preferences[^\n]*\n\s+alice\s+bob\s+carol\s+dave\n/);
    expect(r.stdout).toContain("Bob Baker (bob) (Acme), seat 2:");
  });

  it("reports a tie-break with the rule, and how to repeat it", () => {
    const r = hustings(fx("cli-example.json"), "--max-per-affiliation", "3");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Tie-breaks:\n  1. seat 2\n     tied: bob, carol\n     order used: carol > bob\n     rule: tie-breaking ranking of candidates (TBRC)");
    expect(r.stdout).toContain("sha256sum");
    const j = json(fx("cli-example.json"), "--max-per-affiliation=3");
    expect(j.tieBreaks).toEqual([expect.objectContaining({ decision: "seat 2", among: ["bob", "carol"], order: ["carol", "bob"] })]);
  });

  it("prints the STV count stage by stage, and letters with a legend for long ids", () => {
    const dir = mkdtempSync(join(tmpdir(), "hustings-cli-"));
    const p = join(dir, "long.csv");
    writeFileSync(p, "alexandra-long,bartholomew-long,cornelius-long\n1,2,3\n1,2,3\n2,1,3\n3,2,1\n3,1,2\n");
    const r = hustings(p, "--method", "stv-scottish", "--seats", "2");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Count, stage by stage[^\n]*\n\s+stage\s+A\s+B\s+C\s+exhausted\n/);
    expect(r.stdout).toContain("  A = alexandra-long");
    expect(r.stdout).toMatch(/What happened at each stage:\n\s+1\. /);
    expect(r.stdout).toMatch(/Quota: \d/);
    const schulze = hustings(p);
    expect(schulze.stdout).toMatch(/Legend:\n  A = alexandra-long\n  B = bartholomew-long\n  C = cornelius-long\n/);
    expect(schulze.stdout).toMatch(/\n\s+A\s+-\s+2\s+3\n\s+B\s+3\s+-\s+4\n/);
  });

  it("counts a CSV with STV and IRV", () => {
    const stv = json(fx("cli-small.csv"), "--method", "stv-scottish", "--seats", "2");
    // By hand: first preferences alice 4, bob 3, carol 2, dave 1 of 10; quota 4 elects alice with no
    // surplus; dave, then carol are excluded, carol's papers (c>b>a) lift bob to 5: alice, bob.
    expect(stv.winners).toEqual(["alice", "bob"]);
    expect(stv.rounds[0].votes).toEqual({ alice: 4, bob: 3, carol: 2, dave: 1 });
    // IRV on the BLT: alice 4, bob 3, carol 2, dave 1; dave's paper exhausts, carol's two go to bob: 5 to 4.
    const irv = json(fx("cli-small.blt"), "--method", "irv");
    expect(irv.winners).toEqual(["bob"]);
  });

  it("reads from standard input with '-' and sniffs the format", () => {
    const csv = "a,b\n1,2\n2,1\n1,2\n";
    const r = spawnSync(process.execPath, [join(root, "cli", "bin", "hustings.mjs"), "tally", "-", "--format", "json"], { input: csv, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).winners).toEqual(["a"]);
  });

  it("hashes a large file on a second thread and prints exactly what counting in one thread gives", () => {
    // Over cli/tally.ts's HASH_THREAD_BYTES, so the ballot hash comes from cli/hash-worker.ts.
    const dir = mkdtempSync(join(tmpdir(), "hustings-cli-"));
    const p = join(dir, "large.csv");
    writeFileSync(p, largeCsv(20_000, 12));
    const cases: [string[], ElectionOptions][] = [
      [[], {}],
      [["--method", "ranked-pairs", "--unranked", "last"], { method: "ranked-pairs", unranked: "last" }],
      [["--method", "stv-meek", "--seats", "3"], { method: "stv-meek", seats: 3 }],
    ];
    for (const [args, opts] of cases) {
      const r = hustings(p, ...args, "--format", "json");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(JSON.stringify(resultJson(tallyCompiled(parseElektoCsv(readFileSync(p), opts))), null, 2) + "\n");
    }
  });

  it("still exits 2 at once on a bad row at the end of a large file", () => {
    const dir = mkdtempSync(join(tmpdir(), "hustings-cli-"));
    const p = join(dir, "large-bad.csv");
    writeFileSync(p, largeCsv(20_000, 12) + "1,2,x,4,5,6,7,8,9,10,11,12\n");
    const r = hustings(p);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('rank "x" for candidate "c03" is not a positive integer');
  });

  it("--help prints the usage and exits 0", () => {
    const r = hustings("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: hustings tally/);
  });
});

describe("hustings tally: bad input and flags exit 2 with one line on stderr and nothing on stdout", () => {
  const dir = mkdtempSync(join(tmpdir(), "hustings-cli-"));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const cases: [string, () => string[], string][] = [
    ["an unknown candidate", () => [fx("cli-unknown-candidate.json")], `${fx("cli-unknown-candidate.json")}: line 6: ballot 2: unknown candidate "zoe"`],
    ["a rank that is not a positive integer", () => [fx("cli-bad-rank.csv")], `${fx("cli-bad-rank.csv")}: line 7: rank "x" for candidate "bob" is not a positive integer`],
    ["a duplicate candidate in a BLT ballot", () => [fx("cli-duplicate.blt")], `${fx("cli-duplicate.blt")}: line 3: candidate 2 appears more than once in the ballot`],
    ["a duplicate candidate in a JSON ballot", () => [file("dup.json", '{"candidates":[{"id":"a"},{"id":"b"}],\n"ballots":[{"ranking":[["a","a"]]}]}')], `dup.json: line 2: ballot 1: candidate "a" appears more than once`],
    ["a wrong column count", () => [fx("cli-columns.csv")], `${fx("cli-columns.csv")}: line 3: the row has 2 columns but the header names 3 candidates`],
    ["an empty file", () => [fx("cli-empty.csv")], `${fx("cli-empty.csv")}: line 1: the file is empty: expected a header row of candidate ids`],
    ["an empty JSON file", () => [file("empty.json", "")], "empty.json: line 1: the file is empty"],
    ["seats < 1", () => [fx("cli-small.json"), "--seats", "0"], "hustings tally: --seats must be at least 1"],
    ["seats < 1 in the file", () => [file("zero.json", '{"candidates":[{"id":"a"}],\n"seats": 0,\n"ballots":[]}')], "zero.json: line 2: seats must be a whole number of at least 1, got 0"],
    ["seats > candidates", () => [fx("cli-small.csv"), "--seats=5"], "seats (5) is more than the number of candidates (4)"],
    ["seats > candidates in a BLT header", () => [file("seats.blt", '2 3\n0\n"A"\n"B"\n')], "seats (3) is more than the number of candidates (2)"],
    ["an unknown flag", () => [fx("cli-small.json"), "--colour", "red"], 'hustings tally: unknown option "--colour"'],
    ["an unknown method", () => [fx("cli-small.json"), "--method", "borda"], "hustings tally: --method must be one of schulze, ranked-pairs, irv, stv-scottish, stv-meek"],
    ["an unknown method in the file", () => [file("m.json", '{"method":"borda","candidates":[{"id":"a"}],"ballots":[]}')], 'm.json: line 1: "method": must be one of'],
    ["a non-numeric --seats", () => [fx("cli-small.json"), "--seats", "two"], "--seats must be a whole number"],
    ["a flag without a value", () => [fx("cli-small.json"), "--seats"], "--seats needs a value"],
    ["a missing file", () => [join(dir, "nope.json")], "nope.json: no such file"],
    ["no file at all", () => [], "no election file given"],
    ["a cap on a CSV", () => [fx("cli-small.csv"), "--max-per-affiliation", "1"], "--max-per-affiliation needs candidate affiliations"],
    ["invalid JSON", () => [file("bad.json", '{\n"candidates": [\n}')], "bad.json: line 3: not valid JSON"],
  ];
  for (const [what, args, message] of cases) {
    it(`rejects ${what}`, () => {
      const r = hustings(...args());
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(message);
      expect(r.stderr.startsWith("hustings tally: ")).toBe(true);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    });
  }
});
