// The app under test, started exactly as `npm start` starts it, and stopped in order.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { log, NEXTAUTH_SECRET, PG_DIR, PG_PORT, PORT, RECEIPT_SECRET, ROOT } from "./config";

let server: ChildProcess | undefined;
let stopping: Promise<void> | undefined;

export function startServer(): Promise<void> {
  mkdirSync(path.join(ROOT, "bench", "out"), { recursive: true });
  const logFile = path.join(ROOT, "bench", "out", "cast-server.log");
  const out = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    HUSTINGS_PG_DIR: PG_DIR,
    HUSTINGS_PG_PORT: String(PG_PORT),
    HUSTINGS_FRESH_DB: "1",
    NEXTAUTH_SECRET,
    RECEIPT_SECRET,
    // The checked-in build is a demo build (HUSTINGS_DEMO is baked in); keeping it avoids a rebuild.
    // Demo mode only adds the /demo sign-in page and three small seeded elections.
    HUSTINGS_DEMO: process.env.HUSTINGS_DEMO ?? "1",
  };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_URL;
  // Exactly what `npm start` runs (package.json: NEXT_TELEMETRY_DISABLED=1 exec node --import tsx scripts/start.ts),
  // minus the npm wrapper, so SIGTERM reaches start.ts itself and it shuts down in order.
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  log(`starting the app (npm start) on port ${PORT}, PostgreSQL ${PG_DIR} :${PG_PORT}; its log: bench/out/cast-server.log`);
  return new Promise((resolve, reject) => {
    let seen = "";
    const deadline = setTimeout(() => reject(new Error("the app did not report 'running at' within 600 s")), 600_000);
    const onData = (chunk: Buffer) => {
      out.write(chunk);
      const text = chunk.toString();
      for (const line of text.split("\n")) if (line.startsWith("[hustings]")) log(`  app: ${line.slice(11)}`);
      seen = (seen + text).slice(-4000);
      if (seen.includes("running at")) {
        clearTimeout(deadline);
        resolve();
      }
    };
    server!.stdout!.on("data", onData);
    server!.stderr!.on("data", (c: Buffer) => out.write(c));
    server!.on("exit", (code, signal) => {
      clearTimeout(deadline);
      reject(new Error(`the app exited (${signal ?? code}) before it was ready; see bench/out/cast-server.log`));
    });
  });
}

export function stopServer(): Promise<void> {
  if (stopping) return stopping;
  stopping = (async () => {
    const s = server;
    if (!s || s.exitCode !== null || s.signalCode !== null) return;
    log("stopping the app (SIGTERM)");
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        log("the app did not stop within 60 s; check `pgrep -af \"54600|next-server\"`");
        resolve();
      }, 60_000);
      s.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
      s.kill("SIGTERM");
    });
  })();
  return stopping;
}

/** The pid of start.ts, the root of the app's process tree (for CPU accounting). */
export function serverPid(): number | undefined {
  return server?.pid;
}

/** Ctrl-C and friends stop the app (and its PostgreSQL) before the bench exits. */
export function stopServerOnSignals(): void {
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => {
      log(`${sig}: stopping`);
      void stopServer().then(() => process.exit(130));
    });
  }
}
