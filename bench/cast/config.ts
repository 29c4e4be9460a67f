// Settings of `npm run bench:cast` (see bench/cast.ts): fixed ports, bench-only
// secrets and the knobs read from the environment.
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const PORT = 3600;
export const PG_PORT = 54600;
export const PG_DIR = ".data/bench-pg";
export const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/hustings`;
// Fixed, bench-only secrets (≥ 32 characters), so cookies and receipt hashes can be computed here.
export const NEXTAUTH_SECRET = "bench-cast-nextauth-secret-0123456789abcdef";
export const RECEIPT_SECRET = "bench-cast-receipt-secret-0123456789abcdef";
export const CANDIDATES = 6;

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : dflt;
};
export const WARMUP = num("BENCH_WARMUP", 200);
export const SWEEP = (process.env.BENCH_SWEEP ?? "16,32,64").split(",").map(Number).filter((n) => n > 0);
export const SWEEP_N = num("BENCH_SWEEP_N", 1000);
export const MAX_N = num("BENCH_MAX_N", 3000);
export const HALF_N = num("BENCH_HALF_N", 1500);
export const DOUBLE_N = num("BENCH_DOUBLE_N", 100);
export const VOTERS = num("BENCH_VOTERS", WARMUP + SWEEP.length * SWEEP_N + MAX_N + HALF_N + DOUBLE_N + 1300); // 1,300: the optional capture and in-process profile
export const REQUEST_TIMEOUT_MS = 30_000;
export const PHASE_DEADLINE_MS = 240_000;

export const log = (m: string) => console.log(`[bench] ${m}`);
