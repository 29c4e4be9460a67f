// The load phases: closed loop (N connections), the framework's own floor, and open loop (fixed arrival rate).
import http from "node:http";
import { PHASE_DEADLINE_MS } from "./config";
import { cpuSnapshot } from "./cpu";
import { cast, type CastResult } from "./request";
import { pct, run, takeVoter, type Voter } from "./state";

export interface PhaseResult {
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

function summarize(name: string, mode: string, results: { voter: Voter; r: CastResult }[], seconds: number, cpu0: ReturnType<typeof cpuSnapshot>, ballotsBefore: number): PhaseResult {
  const cpu1 = cpuSnapshot();
  const lat = results.filter((x) => x.r.ok).map((x) => x.r.ms).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const { voter, r } of results) {
    if (r.ok) run.receipts.push({ voter: voter.id, receipt: r.receipt! });
    else errors[r.error ?? "?"] = (errors[r.error ?? "?"] ?? 0) + 1;
  }
  const ok = lat.length;
  run.ballotsSoFar += ok;
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
export async function closedLoop(name: string, concurrency: number, count: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const results: { voter: Voter; r: CastResult }[] = [];
  const before = run.ballotsSoFar;
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
export async function frameworkFloor(concurrency: number, count: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const results: { voter: Voter; r: CastResult }[] = [];
  const voter = run.voters[0];
  const body = JSON.stringify([run.electionId, "not a ranking"]);
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
  const p = summarize("no-op action", `closed loop, ${concurrency} connections`, results.map((x) => ({ voter: x.voter, r: { ...x.r, ok: false, error: x.r.ok ? "__floor_ok" : x.r.error } })), seconds, cpu0, run.ballotsSoFar);
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
export async function openLoop(name: string, rate: number, count: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const results: { voter: Voter; r: CastResult }[] = [];
  const before = run.ballotsSoFar;
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

/** Doubled ballots under concurrency: each voter casts twice at the same instant; exactly one may win. */
export async function doubleCasts(n: number): Promise<{ wins: number; refused: number; other: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let wins = 0;
  let refused = 0;
  let other = 0;
  for (let i = 0; i < n; i += 16) {
    const group = Array.from({ length: Math.min(16, n - i) }, () => takeVoter());
    const rs = await Promise.all(group.map(async (v) => ({ v, pair: await Promise.all([cast(agent, v), cast(agent, v)]) })));
    for (const { v, pair } of rs) {
      const won = pair.filter((r) => r.ok);
      wins += won.length === 1 ? 1 : 0;
      // Every receipt is recorded, so a doubled ballot shows up as a mismatch in the database check.
      for (const w of won) run.receipts.push({ voter: v.id, receipt: w.receipt! });
      for (const r of pair) if (!r.ok) (/already voted/.test(r.error ?? "") ? refused++ : other++);
    }
  }
  agent.destroy();
  run.ballotsSoFar += wins;
  return { wins, refused, other };
}
