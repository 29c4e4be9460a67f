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
//      does (POST /c/<community>/elections/<slug>/vote, Next-Action header, body = the
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
// The parts live in bench/cast/: config, server, seed, request, phases, verify, report,
// and the optional capture (BENCH_CAPTURE=1) and in-process profile (BENCH_PROFILE=1).
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { DATABASE_URL, DOUBLE_N, HALF_N, log, MAX_N, RECEIPT_SECRET, ROOT, SWEEP, SWEEP_N, WARMUP } from "./cast/config";
import { captureBrowserRequest } from "./cast/capture";
import { closedLoop, doubleCasts, frameworkFloor, openLoop, type PhaseResult } from "./cast/phases";
import { profileInProcess } from "./cast/profile";
import { printTable } from "./cast/report";
import { cast } from "./cast/request";
import { seed } from "./cast/seed";
import { startServer, stopServer, stopServerOnSignals } from "./cast/server";
import { run, takeVoter } from "./cast/state";
import { verify } from "./cast/verify";

const ACTION_FILE = "app/c/[community]/elections/[slug]/vote/actions.ts";

/** The router state tree the browser sends from the vote page (URL-encoded JSON), as captured with Chromium (BENCH_CAPTURE=1 compares). */
function routerState(community: string, slug: string): string {
  const leaf = (name: string, children: unknown) => [name, { children }, null, null, 0];
  const vote = ["vote", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0];
  const election = [["slug", slug, "d", null], { children: vote }, null, null, 0];
  const c = [["community", community, "d", null], { children: leaf("elections", election) }, null, null, 0];
  return encodeURIComponent(JSON.stringify(["", { children: leaf("c", c), nav: ["__DEFAULT__", {}, null, null, 0] }, null, null, 16]));
}

stopServerOnSignals();

async function main(): Promise<void> {
  process.env.RECEIPT_SECRET = RECEIPT_SECRET;
  const load0 = os.loadavg();
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average ${load0.map((x) => x.toFixed(2)).join(" ")}`);
  await startServer();

  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  run.actionId = Object.entries(manifest.node).find(([, v]) => v.filename === ACTION_FILE && v.exportedName === "castBallotAction")?.[0] ?? "";
  if (!run.actionId) throw new Error("castBallotAction not found in .next/server/server-reference-manifest.json");

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const seeded = await seed(db);
    run.electionId = seeded.electionId;
    run.candidateIds = seeded.candidates;
    run.voters = seeded.voters;
    run.pathname = `/c/${seeded.community}/elections/${seeded.slug}/vote`;
    run.routerState = routerState(seeded.community, seeded.slug);
    log(`castBallotAction id ${run.actionId}; POST ${run.pathname}`);

    if (process.env.BENCH_CAPTURE === "1") await captureBrowserRequest(run.pathname, seeded.electionId);

    // A first request, shown in full, so the encoding can be eyeballed.
    const probeAgent = new http.Agent({ keepAlive: false });
    const probeVoter = takeVoter();
    const probe = await cast(probeAgent, probeVoter);
    log(`probe: ${probe.ok ? `receipt ${probe.receipt}` : `FAILED ${probe.error}`} (${probe.ms.toFixed(0)} ms)`);
    if (!probe.ok) throw new Error(`the first cast failed: ${probe.error}`);
    run.receipts.push({ voter: probeVoter.id, receipt: probe.receipt! });
    run.ballotsSoFar++;

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

    const double = await doubleCasts(DOUBLE_N);
    log(`simultaneous double casts: ${DOUBLE_N} voters × 2 → ${double.wins} accepted exactly once, ${double.refused} refused as already voted, ${double.other} other failures`);

    // A second, later cast by someone who already voted.
    const agent = new http.Agent({ keepAlive: false });
    const again = await cast(agent, run.voters[1]);
    agent.destroy();
    log(`second cast by a voter who already voted: ${again.ok ? "ACCEPTED (doubled!)" : `refused: ${again.error}`}`);

    const { verdict, consistent } = await verify(db, { secondCastRefused: !again.ok, doubleWins: double.wins, doubleTried: DOUBLE_N });
    log(
      `database: ${verdict.ballots} Ballot rows, ${verdict.participations} Participation rows, ${verdict.receiptsReturned} receipts returned (${verdict.distinctVoters} distinct voters), ${verdict.receiptHashesFound} receipt HMACs found among the ballots → ${consistent ? "zero lost, zero doubled" : "MISMATCH"}`,
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

main()
  .catch((e: unknown) => {
    console.error(`[bench] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  })
  .finally(async () => {
    await stopServer();
    process.exit(0);
  });
