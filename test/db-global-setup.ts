// Integration tests talk to a real PostgreSQL: the server DATABASE_URL names, or
// else an embedded one started here on a fresh database, migrated the way
// production is (prisma migrate deploy).
import { execFileSync } from "node:child_process";
import pg from "pg";
import { startEmbeddedPostgres, type RunningDatabase } from "../scripts/embedded-db";

let db: RunningDatabase | undefined;

export async function setup(): Promise<void> {
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
  process.env.DATABASE_URL = url;
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export async function teardown(): Promise<void> {
  await db?.stop();
}
