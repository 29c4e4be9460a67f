// `npm run bench:cast` — PRODUCT §11's casting target through the real HTTP path:
// "at least 1,000 ballots per second on this 2-core machine, with zero lost or
// doubled ballots; p99 under 100 ms at half that rate".
//
// A benchmark, not a test: it prints numbers and always exits 0 (unless it
// could not run at all). What it does:
//   1. starts the production app exactly as `npm start` does (scripts/start.ts,
//      embedded PostgreSQL in .data/bench-pg on port 54600, HUSTINGS_FRESH_DB=1,
//      fixed secrets, port 3600) and waits for "running at";
//   2. seeds one election in its voting window (6 accepted candidates) and N
//      voters (User + ElectorateEntry) straight into PostgreSQL, and mints each
//      voter a next-auth session cookie with the app's own mintSessionCookie;
//   3. calls the castBallotAction server action over HTTP the way the browser
//      does (POST /elections/<slug>/vote, Next-Action header, body = the
//      argument list as JSON), and checks every response carries a receipt;
//   4. phases: warm-up, closed-loop concurrency sweep, closed-loop max run,
//      open-loop run at half the measured max rate, concurrent double casts;
//   5. verifies in the database: Ballot rows == Participation rows == receipts
//      returned, every returned receipt's HMAC is stored, and a second cast is refused;
//   6. stops the app (SIGTERM to start.ts, which stops next and then PostgreSQL).
//
// Knobs (environment): BENCH_VOTERS (default: enough for all phases),
// BENCH_WARMUP=200, BENCH_SWEEP=16,32,64, BENCH_SWEEP_N=1000, BENCH_MAX_N=3000,
// BENCH_HALF_N=1500, BENCH_DOUBLE_N=100, BENCH_JSON=path (also write results as JSON).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = 3600;
const PG_PORT = 54600;
const PG_DIR = ".data/bench-pg";
const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/hustings`;
// Fixed, bench-only secrets (≥ 32 characters), so cookies and receipt hashes can be computed here.
const NEXTAUTH_SECRET = "bench-cast-nextauth-secret-0123456789abcdef";
const RECEIPT_SECRET = "bench-cast-receipt-secret-0123456789abcdef";
const CANDIDATES = 6;

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : dflt;
};
const WARMUP = num("BENCH_WARMUP", 200);
const SWEEP = (process.env.BENCH_SWEEP ?? "16,32,64").split(",").map(Number).filter((n) => n > 0);
const SWEEP_N = num("BENCH_SWEEP_N", 1000);
const MAX_N = num("BENCH_MAX_N", 3000);
const HALF_N = num("BENCH_HALF_N", 1500);
const DOUBLE_N = num("BENCH_DOUBLE_N", 100);
const VOTERS = num("BENCH_VOTERS", WARMUP + SWEEP.length * SWEEP_N + MAX_N + HALF_N + DOUBLE_N + 1300); // 1,300: the optional capture and in-process profile
const REQUEST_TIMEOUT_MS = 30_000;
const PHASE_DEADLINE_MS = 240_000;

const log = (m: string) => console.log(`[bench] ${m}`);

// ---------------------------------------------------------------- server

let server: ChildProcess | undefined;
let stopping: Promise<void> | undefined;

function startServer(): Promise<void> {
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

function stopServer(): Promise<void> {
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

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    void stopServer().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- CPU accounting (/proc)

const CLK_TCK = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number; // utime + stime + cutime + cstime
}

function readProcs(): Map<number, ProcStat> {
  const m = new Map<number, ProcStat>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, "utf8");
      const close = s.lastIndexOf(")");
      const comm = s.slice(s.indexOf("(") + 1, close);
      const f = s.slice(close + 2).split(" ");
      // f[0] = state (field 3); utime = field 14 → f[11]
      m.set(Number(d), { pid: Number(d), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // exited meanwhile
    }
  }
  return m;
}

/** CPU seconds used so far by the app's process tree, split into PostgreSQL and the rest (next-server, start.ts). */
function cpuSnapshot(): { postgres: number; app: number; bench: number } {
  const procs = readProcs();
  const root = server?.pid;
  const tree = new Set<number>();
  if (root) {
    tree.add(root);
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of procs.values()) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
    }
  }
  let postgres = 0;
  let app = 0;
  for (const pid of tree) {
    const p = procs.get(pid)!;
    // cutime of the tree root would double-count reaped children only; the root (start.ts) never reaps next or postgres while running.
    if (p.comm.startsWith("postgres")) postgres += p.ticks;
    else app += p.ticks;
  }
  const u = process.cpuUsage();
  return { postgres: postgres / CLK_TCK, app: app / CLK_TCK, bench: (u.user + u.system) / 1e6 };
}

// ---------------------------------------------------------------- seed

interface Voter {
  id: string;
  login: string;
  cookie: string;
}

async function seed(db: pg.Client): Promise<{ electionId: string; slug: string; candidates: string[]; voters: Voter[] }> {
  const t = performance.now();
  const electionId = `bench-${randomUUID()}`;
  const slug = `bench-cast-${Date.now().toString(36)}`;
  const now = Date.now();
  const H = 3_600_000;
  const D = 24 * H;
  await db.query(
    `INSERT INTO "Election" (id, slug, title, seats, state, "nominationsOpenAt", "nominationsCloseAt", "votingOpenAt", "votingCloseAt", "updatedAt")
     VALUES ($1, $2, 'Casting benchmark', 3, 'SCHEDULED', $3, $4, $5, $6, now())`,
    [electionId, slug, new Date(now - 3 * D), new Date(now - 2 * D), new Date(now - H), new Date(now + D)],
  );
  const candidates: string[] = [];
  for (let i = 0; i < CANDIDATES; i++) {
    const id = `bench-cand-${randomUUID()}`;
    candidates.push(id);
    await db.query(
      `INSERT INTO "Candidacy" (id, "electionId", status, "displayName", email, affiliation, statement, "updatedAt")
       VALUES ($1, $2, 'ACCEPTED', $3, $4, $5, 'I stand.', now())`,
      [id, electionId, `Candidate ${i + 1}`, `bench-cand-${i}@example.org`, `Org ${i % 3}`],
    );
  }
  const voters: Voter[] = [];
  const ids = Array.from({ length: VOTERS }, () => `bench-voter-${randomUUID()}`);
  const loginOf = (i: number) => `bench-${i}-${electionId.slice(-8)}`;
  const BATCH = 1000;
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const logins = chunk.map((_, j) => loginOf(i + j));
    await db.query(
      `INSERT INTO "User" (id, name, email, "githubLogin")
       SELECT id, login, login || '@example.org', login FROM unnest($1::text[], $2::text[]) AS t(id, login)`,
      [chunk, logins],
    );
    await db.query(
      `INSERT INTO "ElectorateEntry" (id, "electionId", "githubLogin", email, source)
       SELECT 'bench-ee-' || gen_random_uuid(), $1, login, login || '@example.org', 'import' FROM unnest($2::text[]) AS t(login)`,
      [electionId, logins],
    );
  }
  // The app's own cookie minting (the demo sign-in uses it), with the secret the app runs with.
  const { mintSessionCookie } = await import("../lib/auth/session-token");
  const authEnv = {
    nextAuthUrl: `http://localhost:${PORT}`,
    nextAuthSecret: NEXTAUTH_SECRET,
    github: null,
    oidc: null,
    admins: { logins: [], emails: [] },
    demoFlag: true,
    signInPerMinute: 30,
  };
  for (const [i, id] of ids.entries()) {
    const c = await mintSessionCookie(id, authEnv);
    voters.push({ id, login: loginOf(i), cookie: `${c.name}=${c.value}` });
  }
  log(`seeded election ${slug}: ${CANDIDATES} accepted candidates, ${VOTERS} voters with session cookies (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return { electionId, slug, candidates, voters };
}

// ---------------------------------------------------------------- the request

interface CastResult {
  ok: boolean;
  receipt?: string;
  error?: string;
  status: number;
  ms: number;
}

let ACTION_ID = "";
let PATHNAME = "";
let ROUTER_STATE = "";
let ELECTION_ID = "";
let CANDIDATE_IDS: string[] = [];

function randomRanking(): string[][] {
  const ids = [...CANDIDATE_IDS];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const keep = 1 + Math.floor(Math.random() * ids.length); // rank 1..6 of them
  const tiers: string[][] = [];
  for (const id of ids.slice(0, keep)) {
    if (tiers.length > 0 && Math.random() < 0.2) tiers[tiers.length - 1].push(id); // occasional tie
    else tiers.push([id]);
  }
  return tiers;
}

const RECEIPT_RE = /"ok":true,"receipt":"([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})"/;
const ERROR_RE = /"ok":false,"error":"((?:[^"\\]|\\.)*)"/;

function cast(agent: http.Agent, voter: Voter, sentAt = performance.now(), rawBody?: string): Promise<CastResult> {
  // React's encodeReply of plain JSON arguments is their JSON text (strings starting with "$" would
  // be escaped as "$$"; ids and rankings here never start with "$"). The bound election id comes first.
  // The submission id names one press of the button (a retry would resend it); one per request here.
  const body = rawBody ?? JSON.stringify([ELECTION_ID, randomRanking(), randomUUID().replace(/-/g, "")]);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: "127.0.0.1",
        port: PORT,
        method: "POST",
        path: PATHNAME,
        headers: {
          Accept: "text/x-component",
          "Next-Action": ACTION_ID,
          "Next-Router-State-Tree": ROUTER_STATE,
          "Content-Type": "text/plain;charset=UTF-8",
          "Content-Length": Buffer.byteLength(body),
          Origin: `http://localhost:${PORT}`,
          Host: `localhost:${PORT}`,
          Cookie: voter.cookie,
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          const ms = performance.now() - sentAt;
          const m = RECEIPT_RE.exec(text);
          if (res.statusCode === 200 && m) return resolve({ ok: true, receipt: m[1], status: 200, ms });
          const e = ERROR_RE.exec(text);
          resolve({ ok: false, status: res.statusCode ?? 0, error: e ? JSON.parse(`"${e[1]}"`) : `HTTP ${res.statusCode}: ${text.slice(0, 160)}`, ms });
        });
        res.on("error", (err) => resolve({ ok: false, status: 0, error: err.message, ms: performance.now() - sentAt }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (err) => resolve({ ok: false, status: 0, error: err.message, ms: performance.now() - sentAt }));
    req.end(body);
  });
}

// ---------------------------------------------------------------- phases

interface PhaseResult {
  name: string;
  mode: string;
  sent: number;
  ok: number;
  failed: number;
  seconds: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: Record<string, number>;
  cpu: { postgres: number; app: number; bench: number };
  ballotsBefore: number;
}

const receipts: { voter: string; receipt: string }[] = [];
let nextVoter = 0;
let VOTER_LIST: Voter[] = [];
let ballotsSoFar = 0;

function takeVoter(): Voter {
  if (nextVoter >= VOTER_LIST.length) throw new Error("ran out of seeded voters; raise BENCH_VOTERS");
  return VOTER_LIST[nextVoter++];
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(name: string, mode: string, results: { voter: Voter; r: CastResult }[], seconds: number, cpu0: ReturnType<typeof cpuSnapshot>, ballotsBefore: number): PhaseResult {
  const cpu1 = cpuSnapshot();
  const lat = results.filter((x) => x.r.ok).map((x) => x.r.ms).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const { voter, r } of results) {
    if (r.ok) receipts.push({ voter: voter.id, receipt: r.receipt! });
    else errors[r.error ?? "?"] = (errors[r.error ?? "?"] ?? 0) + 1;
  }
  const ok = lat.length;
  ballotsSoFar += ok;
  return {
    name,
    mode,
    sent: results.length,
    ok,
    failed: results.length - ok,
    seconds,
    rate: ok / seconds,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
    max: lat.length ? lat[lat.length - 1] : NaN,
    errors,
    cpu: { postgres: cpu1.postgres - cpu0.postgres, app: cpu1.app - cpu0.app, bench: cpu1.bench - cpu0.bench },
    ballotsBefore,
  };
}

/** Closed loop: `concurrency` connections, each sends its next ballot when the previous answered. */
async function closedLoop(name: string, concurrency: number, count: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const results: { voter: Voter; r: CastResult }[] = [];
  const before = ballotsSoFar;
  const cpu0 = cpuSnapshot();
  const t0 = performance.now();
  let issued = 0;
  const worker = async () => {
    while (issued < count && performance.now() - t0 < PHASE_DEADLINE_MS) {
      issued++;
      const voter = takeVoter();
      results.push({ voter, r: await cast(agent, voter) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return summarize(name, `closed loop, ${concurrency} connections`, results, seconds, cpu0, before);
}

/**
 * The ceiling Next.js itself puts on any server action here: the same POST, but
 * with a ranking the action rejects before it reads the session or the
 * database (zod). Nothing is written; a response counts as ok when it is that refusal.
 */
async function frameworkFloor(concurrency: number, count: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const results: { voter: Voter; r: CastResult }[] = [];
  const voter = VOTER_LIST[0];
  const body = JSON.stringify([ELECTION_ID, "not a ranking"]);
  const cpu0 = cpuSnapshot();
  const t0 = performance.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < count && performance.now() - t0 < PHASE_DEADLINE_MS) {
        issued++;
        const r = await cast(agent, voter, performance.now(), body);
        // the refusal is the expected answer
        results.push({ voter, r: r.status === 200 && r.error && !r.error.startsWith("HTTP") ? { ...r, ok: true, receipt: undefined } : r });
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const p = summarize("no-op action", `closed loop, ${concurrency} connections`, results.map((x) => ({ voter: x.voter, r: { ...x.r, ok: false, error: x.r.ok ? "__floor_ok" : x.r.error } })), seconds, cpu0, ballotsSoFar);
  // summarize counted them as failures so no receipts are recorded; turn the counts back.
  const okCount = p.errors.__floor_ok ?? 0;
  delete p.errors.__floor_ok;
  const lat = results.filter((x) => x.r.ok).map((x) => x.r.ms).sort((a, b) => a - b);
  return { ...p, mode: `${p.mode}, rejected before auth/DB`, ok: okCount, failed: results.length - okCount, rate: okCount / seconds, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat[lat.length - 1] ?? NaN };
}

/**
 * Open loop: ballots arrive at a fixed rate whatever the server does; latency
 * is measured from each ballot's scheduled arrival, so queueing counts.
 */
async function openLoop(name: string, rate: number, count: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const results: { voter: Voter; r: CastResult }[] = [];
  const before = ballotsSoFar;
  const cpu0 = cpuSnapshot();
  const interval = 1000 / rate;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() - t0 > PHASE_DEADLINE_MS) break;
    const voter = takeVoter();
    pending.push(cast(agent, voter, due).then((r) => void results.push({ voter, r })));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return summarize(name, `open loop, ${rate.toFixed(0)}/s arrivals`, results, seconds, cpu0, before);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  process.env.RECEIPT_SECRET = RECEIPT_SECRET;
  const load0 = os.loadavg();
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average ${load0.map((x) => x.toFixed(2)).join(" ")}`);
  await startServer();

  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  ACTION_ID = Object.entries(manifest.node).find(([, v]) => v.filename === "app/elections/[slug]/vote/actions.ts" && v.exportedName === "castBallotAction")?.[0] ?? "";
  if (!ACTION_ID) throw new Error("castBallotAction not found in .next/server/server-reference-manifest.json");

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const seeded = await seed(db);
    ELECTION_ID = seeded.electionId;
    CANDIDATE_IDS = seeded.candidates;
    VOTER_LIST = seeded.voters;
    PATHNAME = `/elections/${seeded.slug}/vote`;
    // What the browser sends from the vote page (captured with Chromium): the router state tree, URL-encoded.
    ROUTER_STATE = encodeURIComponent(
      JSON.stringify([
        "",
        {
          children: ["elections", { children: [["slug", seeded.slug, "d", null], { children: ["vote", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] }, null, null, 0] }, null, null, 0],
          nav: ["__DEFAULT__", {}, null, null, 0],
        },
        null,
        null,
        16,
      ]),
    );
    log(`castBallotAction id ${ACTION_ID}; POST ${PATHNAME}`);

    if (process.env.BENCH_CAPTURE === "1") await captureBrowserRequest(seeded.slug, seeded.electionId);

    // A first request, shown in full, so the encoding can be eyeballed.
    const probeAgent = new http.Agent({ keepAlive: false });
    const probe = await cast(probeAgent, takeVoter());
    log(`probe: ${probe.ok ? `receipt ${probe.receipt}` : `FAILED ${probe.error}`} (${probe.ms.toFixed(0)} ms)`);
    if (!probe.ok) throw new Error(`the first cast failed: ${probe.error}`);
    receipts.push({ voter: VOTER_LIST[nextVoter - 1].id, receipt: probe.receipt! });
    ballotsSoFar++;

    const phases: PhaseResult[] = [];
    const show = (p: PhaseResult) => {
      phases.push(p);
      const errs = Object.entries(p.errors).map(([k, v]) => `${v}× ${k}`).join("; ");
      log(`${p.name} [${p.mode}]: ${p.ok}/${p.sent} ok in ${p.seconds.toFixed(2)} s = ${p.rate.toFixed(0)} ballots/s; p50 ${p.p50.toFixed(1)} p95 ${p.p95.toFixed(1)} p99 ${p.p99.toFixed(1)} max ${p.max.toFixed(0)} ms; CPU s: postgres ${p.cpu.postgres.toFixed(1)}, next ${p.cpu.app.toFixed(1)}, bench ${p.cpu.bench.toFixed(1)}${errs ? `; errors: ${errs}` : ""}`);
    };

    show(await closedLoop("warm-up", 8, WARMUP));
    show(await frameworkFloor(32, 2000));
    for (const c of SWEEP) show(await closedLoop(`sweep c=${c}`, c, SWEEP_N));
    const best = phases.filter((p) => p.name.startsWith("sweep")).sort((a, b) => b.rate - a.rate)[0];
    const bestC = Number(best?.mode.match(/(\d+) connections/)?.[1] ?? 32);
    const max = await closedLoop(`max c=${bestC}`, bestC, MAX_N);
    show(max);
    const half = Math.max(1, Math.round(max.rate / 2));
    show(await openLoop(`half rate`, half, HALF_N));

    // Doubled ballots under concurrency: the same voter casting twice at the same instant.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    let doubleWins = 0;
    let doubleRefused = 0;
    let doubleOther = 0;
    for (let i = 0; i < DOUBLE_N; i += 16) {
      const group = Array.from({ length: Math.min(16, DOUBLE_N - i) }, () => takeVoter());
      const rs = await Promise.all(group.map(async (v) => ({ v, pair: await Promise.all([cast(agent, v), cast(agent, v)]) })));
      for (const { v, pair } of rs) {
        const wins = pair.filter((r) => r.ok);
        doubleWins += wins.length === 1 ? 1 : 0;
        if (wins.length === 1) receipts.push({ voter: v.id, receipt: wins[0].receipt! });
        for (const r of pair) if (!r.ok) (/already voted/.test(r.error ?? "") ? doubleRefused++ : doubleOther++);
        if (wins.length > 1) for (const w of wins) receipts.push({ voter: v.id, receipt: w.receipt! });
      }
    }
    ballotsSoFar += doubleWins;
    log(`simultaneous double casts: ${DOUBLE_N} voters × 2 → ${doubleWins} accepted exactly once, ${doubleRefused} refused as already voted, ${doubleOther} other failures`);

    // A second, later cast by someone who already voted.
    const again = await cast(agent, VOTER_LIST[1]);
    agent.destroy();
    log(`second cast by a voter who already voted: ${again.ok ? "ACCEPTED (doubled!)" : `refused: ${again.error}`}`);

    // ---- verify in the database
    const { receiptHash } = await import("../lib/ballots/receipt");
    const { openBallot } = await import("../lib/ballots/sealed-ballot");
    const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM "${table}" WHERE "electionId" = $1`, [ELECTION_ID])).rows[0].n);
    // Ballots still sealed in PendingBallot (fewer than a group) count too.
    const pendingRows = (await db.query<{ sealed: Buffer }>(`SELECT "sealed" FROM "PendingBallot" WHERE "electionId" = $1`, [ELECTION_ID])).rows;
    const pendingHashes = pendingRows.map((r) => openBallot(ELECTION_ID, r.sealed)?.receiptHash ?? "");
    const ballots = (await count("Ballot")) + pendingRows.length;
    const participations = await count("Participation");
    const distinctVoters = new Set(receipts.map((r) => r.voter)).size;
    // Receipt hashes are bound to the roll entry each voter's account voted for.
    const entryOfUser = new Map(
      (await db.query<{ u: string; e: string }>(`SELECT "userId" AS u, "entryId" AS e FROM "Participation" WHERE "electionId" = $1`, [ELECTION_ID])).rows.map((r) => [r.u, r.e]),
    );
    const hashes = receipts.map((r) => receiptHash(entryOfUser.get(r.voter) ?? "", r.receipt));
    const stored = new Set([
      ...(await db.query<{ h: string }>(`SELECT "receiptHash" AS h FROM "Ballot" WHERE "electionId" = $1`, [ELECTION_ID])).rows.map((r) => r.h),
      ...pendingHashes,
    ]);
    const found = hashes.filter((h) => stored.has(h)).length;
    const participants = new Set(
      (await db.query<{ u: string }>(`SELECT "userId" AS u FROM "Participation" WHERE "electionId" = $1`, [ELECTION_ID])).rows.map((r) => r.u),
    );
    const participantsMatch = receipts.every((r) => participants.has(r.voter));
    const verdict = {
      receiptsReturned: receipts.length,
      distinctVoters,
      ballots,
      participations,
      receiptHashesFound: found,
      receiptHashFormatChecked: stored.size > 0 && found > 0,
      participantsMatch,
      secondCastRefused: !again.ok,
      doubleCastsAcceptedOnce: doubleWins,
      doubleCastsTried: DOUBLE_N,
    };
    const consistent =
      ballots === receipts.length && participations === receipts.length && distinctVoters === receipts.length && found === receipts.length && participantsMatch && !again.ok && doubleWins === DOUBLE_N;
    log(
      `database: ${ballots} Ballot rows, ${participations} Participation rows, ${receipts.length} receipts returned (${distinctVoters} distinct voters), ${found} receipt HMACs found among the ballots → ${consistent ? "zero lost, zero doubled" : "MISMATCH"}`,
    );

    if (process.env.BENCH_PROFILE === "1") await profileInProcess(phases);

    const load1 = os.loadavg();
    printTable(phases, max, half, consistent);
    log(`load average before ${load0.map((x) => x.toFixed(2)).join(" ")}, after ${load1.map((x) => x.toFixed(2)).join(" ")}`);
    if (process.env.BENCH_JSON) {
      writeFileSync(process.env.BENCH_JSON, JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, phases, verdict, consistent }, null, 2));
      log(`results written to ${process.env.BENCH_JSON}`);
    }
  } finally {
    await db.end().catch(() => {});
  }
}

/**
 * BENCH_PROFILE=1: where the time goes. The castBallot use case called in this
 * process (no HTTP, no Next.js, no session decoding) against the same database,
 * with every pg query counted (Prisma's adapter and the rate limiter both use pg),
 * next to the HTTP numbers; and the session cookie decode alone.
 */
async function profileInProcess(phases: PhaseResult[]): Promise<void> {
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.NEXTAUTH_SECRET = NEXTAUTH_SECRET;
  let queries = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    queries++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  const { castBallot } = await import("../lib/ballots/cast-ballot");
  const { decode } = await import("next-auth/jwt");
  const actorOf = (v: Voter) => ({ id: v.id, name: v.login, email: `${v.login}@example.org`, githubLogin: v.login, isAdmin: false });
  const one = async (v: Voter) => {
    const r = await castBallot(actorOf(v), { electionId: ELECTION_ID, ranking: randomRanking() });
    receipts.push({ voter: v.id, receipt: r.receipt });
    ballotsSoFar++;
  };
  // warm the client and the pools
  for (let i = 0; i < 20; i++) await one(takeVoter());

  const SEQ = 200;
  queries = 0;
  let cpu0 = process.cpuUsage();
  let lat: number[] = [];
  let t0 = performance.now();
  for (let i = 0; i < SEQ; i++) {
    const t = performance.now();
    await one(takeVoter());
    lat.push(performance.now() - t);
  }
  let wall = performance.now() - t0;
  let cpu = process.cpuUsage(cpu0);
  lat.sort((a, b) => a - b);
  log(`in-process castBallot, one at a time: ${SEQ} ballots, p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms, ${(SEQ / (wall / 1000)).toFixed(0)} ballots/s; ${(queries / SEQ).toFixed(1)} pg round trips and ${((cpu.user + cpu.system) / 1000 / SEQ).toFixed(2)} ms of Node CPU per ballot`);

  const CONC = 32;
  const N = 1000;
  queries = 0;
  const pg0 = cpuSnapshot();
  cpu0 = process.cpuUsage();
  lat = [];
  t0 = performance.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: CONC }, async () => {
      while (issued < N && performance.now() - t0 < PHASE_DEADLINE_MS) {
        issued++;
        const t = performance.now();
        await one(takeVoter());
        lat.push(performance.now() - t);
      }
    }),
  );
  wall = performance.now() - t0;
  cpu = process.cpuUsage(cpu0);
  const pg1 = cpuSnapshot();
  lat.sort((a, b) => a - b);
  log(`in-process castBallot, ${CONC} at a time: ${lat.length} ballots in ${(wall / 1000).toFixed(2)} s = ${(lat.length / (wall / 1000)).toFixed(0)} ballots/s, p50 ${pct(lat, 50).toFixed(1)} p99 ${pct(lat, 99).toFixed(1)} ms; per ballot ${((cpu.user + cpu.system) / 1000 / lat.length).toFixed(2)} ms Node CPU, ${(((pg1.postgres - pg0.postgres) * 1000) / lat.length).toFixed(2)} ms PostgreSQL CPU`);

  const http = phases.find((p) => p.name.startsWith("max"));
  if (http) log(`through HTTP (max phase) per ballot: ${((http.cpu.app * 1000) / http.ok).toFixed(2)} ms next-server CPU, ${((http.cpu.postgres * 1000) / http.ok).toFixed(2)} ms PostgreSQL CPU`);

  const cookie = VOTER_LIST[0].cookie.split("=").slice(1).join("=");
  cpu0 = process.cpuUsage();
  const K = 500;
  for (let i = 0; i < K; i++) await decode({ token: cookie, secret: NEXTAUTH_SECRET });
  cpu = process.cpuUsage(cpu0);
  log(`next-auth session cookie decode alone: ${((cpu.user + cpu.system) / 1000 / K).toFixed(3)} ms CPU each`);
  pg.Client.prototype.query = original;
  const { prisma } = await import("../lib/db/client");
  const { closeRateLimitStore } = await import("../lib/rate-limit");
  await prisma.$disconnect();
  await closeRateLimitStore();
}

/**
 * BENCH_CAPTURE=1: casts one ballot through the real UI in Chromium and prints
 * the server-action request the browser sent, to check this bench sends the same.
 */
async function captureBrowserRequest(slug: string, electionId: string): Promise<void> {
  const { chromium } = await import("playwright-core");
  const voter = takeVoter();
  const browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    timeout: 30_000,
  });
  try {
    const context = await browser.newContext({ baseURL: `http://localhost:${PORT}` });
    const [name, ...rest] = voter.cookie.split("=");
    await context.addCookies([{ name, value: rest.join("="), domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const seen = new Promise<{ url: string; headers: Record<string, string>; body: string | null }>((resolve) =>
      page.on("request", (r) => {
        const h = r.headers();
        if (r.method() === "POST" && h["next-action"]) resolve({ url: r.url(), headers: h, body: r.postData() });
      }),
    );
    await page.goto(`/elections/${slug}/vote`);
    for (const label of ["Add as rank 1 (Candidate 1)", "Add as rank 2 (Candidate 2)", "Review my ballot", "Submit my ballot"]) {
      const b = page.getByRole("button", { name: label });
      await b.focus();
      await page.keyboard.press("Enter");
    }
    const req = await seen;
    await page.getByTestId("receipt-code").waitFor();
    const receipt = (await page.getByTestId("receipt-code").textContent())?.trim();
    log(`browser request: POST ${new URL(req.url).pathname}`);
    for (const [k, v] of Object.entries(req.headers)) if (!/^(user-agent|sec-|accept-language|accept-encoding|referer|cookie)/.test(k)) log(`  ${k}: ${v}`);
    log(`  body: ${req.body}`);
    log(`  browser's receipt: ${receipt}`);
    const body = JSON.parse(req.body ?? "null") as unknown;
    const same =
      Array.isArray(body) &&
      body[0] === electionId &&
      Array.isArray(body[1]) &&
      typeof body[2] === "string" &&
      req.headers["next-action"] === ACTION_ID &&
      req.headers["content-type"] === "text/plain;charset=UTF-8" &&
      req.headers["accept"] === "text/x-component" &&
      req.headers["next-router-state-tree"] === ROUTER_STATE;
    log(`  matches what this bench sends: ${same ? "yes" : "NO"}`);
    if (receipt) receipts.push({ voter: voter.id, receipt }), ballotsSoFar++;
  } finally {
    await browser.close();
  }
}

function printTable(phases: PhaseResult[], max: PhaseResult, half: number, consistent: boolean): void {
  const rows = phases.map((p) => [
    p.name,
    p.mode,
    String(p.ballotsBefore),
    `${p.ok}/${p.sent}`,
    p.rate.toFixed(0),
    p.p50.toFixed(1),
    p.p95.toFixed(1),
    p.p99.toFixed(1),
    p.max.toFixed(0),
    `${p.cpu.postgres.toFixed(1)} / ${p.cpu.app.toFixed(1)} / ${p.cpu.bench.toFixed(1)}`,
  ]);
  const head = ["phase", "load", "ballots already in", "ok/sent", "ballots/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU s pg / next / bench"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${rows.map(line).join("\n")}\n`);
  const halfPhase = phases.find((p) => p.name === "half rate");
  console.log(`Target (PRODUCT §11): ≥ 1,000 ballots/s → measured max ${max.rate.toFixed(0)} ballots/s (${max.mode})`);
  console.log(`                      p99 < 100 ms at half rate → p99 ${halfPhase?.p99.toFixed(1)} ms at ${half}/s`);
  console.log(`                      zero lost or doubled → ${consistent ? "yes" : "NO (see above)"}\n`);
}

main()
  .catch((e: unknown) => {
    console.error(`[bench] ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  })
  .finally(async () => {
    await stopServer();
    process.exit(0);
  });
