import pg from "pg";
import { DATABASE_URL, log, NEXTAUTH_SECRET, PHASE_DEADLINE_MS } from "./config";
import { cpuSnapshot } from "./cpu";
import type { PhaseResult } from "./phases";
import { randomRanking } from "./request";
import { pct, run, takeVoter, type Voter } from "./state";

/**
 * BENCH_PROFILE=1: where the time goes. The castBallot use case called in this
 * process (no HTTP, no Next.js, no session decoding) against the same database,
 * with every pg query counted (Prisma's adapter and the rate limiter both use pg),
 * next to the HTTP numbers; and the session cookie decode alone.
 */
export async function profileInProcess(phases: PhaseResult[]): Promise<void> {
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.NEXTAUTH_SECRET = NEXTAUTH_SECRET;
  let queries = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    queries++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  const { castBallot } = await import("../../lib/ballots/cast-ballot");
  const { decode } = await import("next-auth/jwt");
  const actorOf = (v: Voter) => ({ id: v.id, name: v.login, email: `${v.login}@example.org`, githubLogin: v.login, isAdmin: false });
  const one = async (v: Voter) => {
    const r = await castBallot(actorOf(v), { electionId: run.electionId, ranking: randomRanking() });
    run.receipts.push({ voter: v.id, receipt: r.receipt });
    run.ballotsSoFar++;
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

  const cookie = run.voters[0].cookie.split("=").slice(1).join("=");
  cpu0 = process.cpuUsage();
  const K = 500;
  for (let i = 0; i < K; i++) await decode({ token: cookie, secret: NEXTAUTH_SECRET });
  cpu = process.cpuUsage(cpu0);
  log(`next-auth session cookie decode alone: ${((cpu.user + cpu.system) / 1000 / K).toFixed(3)} ms CPU each`);
  pg.Client.prototype.query = original;
  const { prisma } = await import("../../lib/db/client");
  const { closeRateLimitStore } = await import("../../lib/rate-limit");
  await prisma.$disconnect();
  await closeRateLimitStore();
}
