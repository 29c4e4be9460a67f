// `npm start` in demo mode over a database holding a real sign-in: it must
// stop with a message before it migrates, seeds, builds or serves anything.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, dropScratchTemplate, type ScratchDatabase } from "@/test/helpers/scratch-database";

const ROOT = path.resolve(import.meta.dirname, "..");
// What `npm start` prints once it went past the check: migrating, seeding, building, serving.
const WENT_ON = /database migrated|seeded the demo|building the app|production build is up to date|Hustings is running/;
const made: ScratchDatabase[] = [];

afterAll(async () => {
  for (const db of made) await db.drop();
  await dropScratchTemplate();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs the real start script and waits for it to exit (or kills it after the timeout). */
async function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Only what a person would set: none of the test run's own configuration leaks in.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|TEST_|HUSTINGS_|GITHUB_|OIDC_|NEXTAUTH_|RECEIPT_|PORT$|NODE_ENV$|VITEST)/.test(k)),
  );
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...base, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
    // Past the check already: no need to wait for a whole build to fail the test.
    if (WENT_ON.test(stdout)) child.kill("SIGTERM");
  });
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

describe("npm start in demo mode", () => {
  it("refuses a database holding a real sign-in, before migrating or building", async () => {
    const db = await createScratchDatabase({ migrated: true });
    made.push(db);
    const user = await db.prisma().user.create({ data: { name: "Real Person", email: "real@example.com", githubLogin: "real-person" } });
    await db.prisma().account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: "1001" } });
    const migrationsBefore = await db.prisma().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM _prisma_migrations`);

    const run = await runStart({
      DATABASE_URL: db.url,
      HUSTINGS_DEMO: "1",
      PORT: String(await freePort()),
      // Given, so the refused start does not even write demo secrets.
      NEXTAUTH_SECRET: "start-guard-test-nextauth-secret-0123456789",
      RECEIPT_SECRET: "start-guard-test-receipt-secret-01234567890",
      AUDIT_SECRET: "start-guard-test-audit-secret-0123456789012",
    });

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Refusing to start in demo mode: the database DATABASE_URL names");
    expect(run.stderr).toContain("holds 1 identity from a real sign-in provider (github)");
    expect(run.stderr).toMatch(/GITHUB_ID and GITHUB_SECRET, or OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    expect(run.stderr).toMatch(/HUSTINGS_PG_DIR/);
    // It stopped before the migrations, the seed and `next build`.
    expect(run.stdout).not.toMatch(WENT_ON);
    expect(await db.prisma().election.count()).toBe(0);
    expect(await db.prisma().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM _prisma_migrations`)).toEqual(migrationsBefore);
  });
});
