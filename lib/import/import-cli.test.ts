// Runs `hustings import` as a real child process, as an official would.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const fixtureFolder = join(root, "test", "fixtures", "import", "kata-2030-01");

function hustings(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "cli", "bin", "hustings.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("hustings import kata --dry-run", () => {
  it("prints the parsed election as JSON and exits 0", () => {
    const r = hustings("import", "kata", fixtureFolder, "--dry-run");
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const election = JSON.parse(r.stdout);
    expect(election).toMatchObject({
      title: "Architecture Committee Elections: January 2030",
      seats: 2,
      schedule: { nominationsOpen: "2029-12-30T15:00:00.000Z", votingClose: "2030-01-20T14:59:00.000Z" },
    });
    expect(election.candidates).toHaveLength(3);
    expect(election.candidates[1]).toMatchObject({
      name: "Bo Lindqvist",
      email: "bo@example.org",
      affiliation: "Fictional Silicon Ltd.",
      platform: "RISC-V",
    });
    for (const c of election.candidates) expect(typeof c.statement).toBe("string");
  });

  it("exits 2 with one clear message for a folder that does not exist", () => {
    const r = hustings("import", "kata", join(fixtureFolder, "missing"), "--dry-run");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/missing: cannot read the election folder \(no such folder\)/);
  });

  it("exits 2 with the usage for bad arguments", () => {
    for (const args of [
      ["import"],
      ["import", "kata"],
      ["import", "elekto", fixtureFolder],
      ["import", "kata", fixtureFolder, "--force"],
      ["import", "kata", fixtureFolder, "--community"],
      ["import", "kata", fixtureFolder, "--community", "--dry-run"],
    ]) {
      const r = hustings(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/usage: hustings import kata <folder> --community <slug> \[--dry-run\]/);
    }
  });

  it("exits 2 with the usage when an import does not say which community, before touching any database", () => {
    // A database that does not exist: the command must stop before it would connect.
    const r = spawnSync(process.execPath, [join(root, "cli", "bin", "hustings.mjs"), "import", "kata", fixtureFolder], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none", AUDIT_SECRET: "x".repeat(40) },
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/hustings import: say which community the election belongs to with --community <slug>\n/);
    expect(r.stderr).toMatch(/usage: hustings import kata <folder> --community <slug> \[--dry-run\]/);
    expect(r.stderr).not.toMatch(/ECONNREFUSED|PostgreSQL|\n\s+at /);
  });

  it("prints the usage with the --community option", () => {
    const r = hustings("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("import kata <folder> --community <slug> [--dry-run]");
  });
});
