// `npx hustings import kata <folder>` writing to the database, run as people run
// it: the launcher in a child process, with DATABASE_URL naming the test database.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Community } from "@/lib/generated/prisma/client";
import { dbDigest, makeCommunity, uniq } from "@/test/helpers/factories";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURE = path.join(ROOT, "test/fixtures/import/kata-2030-01");

async function hustings(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, "cli/bin/hustings.mjs"), ...args], {
      // From another folder, as after `npm i -g`; DATABASE_URL is the test database (test/db-global-setup.ts).
      cwd: tmpdir(),
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("hustings import kata (database)", () => {
  let folder: string;
  let title: string;
  let community: Community;
  let other: Community;

  beforeAll(async () => {
    community = await makeCommunity({ name: "Harbor of the CLI test" });
    other = await makeCommunity();
    // The fixture with a unique title, so the slug is new even on a reused database.
    folder = path.join(await mkdtemp(path.join(tmpdir(), "hustings-import-")), "kata-2030-01");
    await cp(FIXTURE, folder, { recursive: true });
    const readme = await readFile(path.join(folder, "README.md"), "utf8");
    title = `Architecture Committee Elections: January 2030 ${uniq("cli")}`;
    await writeFile(path.join(folder, "README.md"), readme.replace(/^# .*$/m, `# ${title}`));
  });

  afterAll(async () => {
    await rm(path.dirname(folder), { recursive: true, force: true });
  });

  it("refuses a community that does not exist, naming the ones that do, and changes nothing", async () => {
    const before = await dbDigest();
    const run = await hustings("import", "kata", folder, "--community", "no-such-community");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const message = run.stderr.split("\n").filter((l) => l && !l.includes("starting") && !l.includes("using the PostgreSQL"));
    expect(message).toHaveLength(1);
    expect(message[0]).toMatch(/^hustings import: No community "no-such-community" here; the communities are: .+\.$/);
    // Every community is listed by its slug, this test's two among them.
    expect(message[0]).toContain(community.slug);
    expect(message[0]).toContain(other.slug);
    expect(await dbDigest()).toEqual(before);
  });

  it("creates the draft election in the chosen community and prints its slug and manage path", async () => {
    const run = await hustings("import", "kata", folder, "--community", community.slug);
    expect(run.stderr).not.toMatch(/Error|at /);
    expect(run.code).toBe(0);

    const e = await prisma.election.findFirstOrThrow({ where: { title }, include: { candidacies: { orderBy: { displayName: "asc" } } } });
    expect(e).toMatchObject({ state: "DRAFT", seats: 2, communityId: community.id });
    expect(await prisma.election.count({ where: { title, communityId: other.id } })).toBe(0);
    expect(e.votingOpenAt?.toISOString()).toBe("2030-01-14T15:00:00.000Z");
    expect(e.candidacies.map((c) => [c.displayName, c.status, c.userId])).toEqual([
      ["Ada Quill", "SUBMITTED", null],
      ["Bo Lindqvist", "SUBMITTED", null],
      ["Cleo Morrow", "SUBMITTED", null],
    ]);
    expect(run.stdout).toContain(`slug: ${e.slug}\n`);
    expect(run.stdout).toContain(`community: ${community.slug}\n`);
    expect(run.stdout).toContain(`manage: /c/${community.slug}/elections/${e.slug}/manage\n`);
    // The trusted command line: an audited import without an actor.
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id } })).toMatchObject({ action: "election.imported", actorId: null });
  });

  it("refuses a second import of the same folder with a clear message, a failing exit code and no change", async () => {
    const before = await dbDigest();
    const run = await hustings("import", "kata", folder, "--community", community.slug);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/hustings import: Harbor of the CLI test already has an election with the slug "architecture-committee-elections-january-2030-cli-[0-9a-f]+"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
    expect(await dbDigest()).toEqual(before);
  });

  it("imports the same folder into another community: slugs are unique per community", async () => {
    const run = await hustings("import", "kata", folder, "--community=" + other.slug);
    expect(run.code).toBe(0);
    const elections = await prisma.election.findMany({ where: { title }, select: { communityId: true, slug: true } });
    expect(elections.map((e) => e.communityId).sort()).toEqual([community.id, other.id].sort());
    expect(new Set(elections.map((e) => e.slug)).size).toBe(1);
  });
});
