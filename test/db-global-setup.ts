// Integration tests talk to a real PostgreSQL: the server DATABASE_URL names, or
// else an embedded one started here on a fresh database, migrated the way
// production is (prisma migrate deploy). Like production, the tests run as the
// app role (DATABASE_URL); TEST_OWNER_DATABASE_URL is the owner, for tests that
// play an attacker with the owner's rights.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres, type RunningDatabase } from "../scripts/embedded-db";
import { ensureAppRole, grantAppRole, urlAs } from "../scripts/db-roles";

let db: RunningDatabase | undefined;

const TEST_APP_ROLE = "hustings_app_test";

export async function setup(): Promise<void> {
  // TEST_DATABASE_URL/DATABASE_URL name the owner (a role that may create roles).
  let url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    const port = Number(process.env.TEST_PG_PORT ?? 54329);
    // The folder follows the port, so TEST_PG_PORT moves both.
    db = await startEmbeddedPostgres({ dir: `.data/test-pg-${port}`, port, database: "postgres", variables: { port: "TEST_PG_PORT" } });
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS "hustings_test" WITH (FORCE)');
    await admin.query('CREATE DATABASE "hustings_test"');
    await admin.end();
    url = db.url.replace(/\/postgres$/, "/hustings_test");
  }
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  const password = randomBytes(24).toString("base64url");
  await ensureAppRole(url, TEST_APP_ROLE, password);
  await grantAppRole(url, TEST_APP_ROLE);
  // The audit chain's key, as production has one; child processes (the CLI import) inherit it.
  process.env.AUDIT_SECRET ??= "test-audit-secret-not-for-production-0123456789";
  process.env.TEST_OWNER_DATABASE_URL = url;
  process.env.DATABASE_URL = urlAs(url, TEST_APP_ROLE, password);
}

export async function teardown(): Promise<void> {
  await db?.stop();
}
