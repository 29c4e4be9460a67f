// Rate limits shared by every app instance (PRODUCT §9): counters live in
// PostgreSQL, so a client cannot multiply its allowance by landing on another
// instance behind the load balancer.
import { createHmac } from "node:crypto";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "@/lib/errors";
import { readAuthEnv } from "@/lib/auth/env";

/** What each limiter allows: `points` calls per `duration` seconds per key. */
const LIMITS = {
  /** Per client address; covers OAuth redirects/callbacks and demo sign-ins. */
  signIn: () => ({ points: readAuthEnv().signInPerMinute, duration: 60 }),
  /** Per voter: casting, replacing (a person needs a handful; a script needs thousands). */
  ballot: () => ({ points: 20, duration: 60 }),
  /** Per client address: receipt look-ups. */
  receipt: () => ({ points: 60, duration: 60 }),
} satisfies Record<string, () => { points: number; duration: number }>;

export type LimiterName = keyof typeof LIMITS;

// Its own schema, outside Prisma's: `prisma migrate dev` would otherwise see the
// table as drift and offer to drop it.
const SCHEMA = "hustings_rate_limit";
const TABLE = "counters";

interface Store {
  pool: pg.Pool;
  ready: Promise<void>;
  limiters: Map<LimiterName, RateLimiterPostgres>;
}

// Next.js dev reloads modules; one pool per process, as with the Prisma client.
const globalStore = globalThis as unknown as { hustingsRateLimit?: Store };

function store(): Store {
  if (globalStore.hustingsRateLimit) return globalStore.hustingsRateLimit;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: rate limits are kept in PostgreSQL");
  const pool = new pg.Pool({ connectionString, max: 4, allowExitOnIdle: true });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const s: Store = { pool, ready: createTable(pool), limiters: new Map() };
  // A failed creation is retried on the next call rather than remembered forever.
  s.ready.catch(() => {
    if (globalStore.hustingsRateLimit === s) s.ready = createTable(pool);
  });
  return (globalStore.hustingsRateLimit = s);
}

// The owner's set-up step creates the table (scripts/db-roles.ts) because the
// app's role may not create anything; creating it here is only for a database
// where the app still runs as a role allowed to (a developer's own server).
async function createTable(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [`"${SCHEMA}"."${TABLE}"`]);
  if (rows[0].t !== null) return;
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS "${SCHEMA}"."${TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
    );
  } catch (e) {
    // Several instances starting together race on IF NOT EXISTS; losing the race is fine.
    const code = (e as { code?: string }).code;
    if (code === "42501") {
      throw new Error(`the rate-limit table ${SCHEMA}.${TABLE} is missing and this database role may not create it: start with \`npm start\` (it runs the owner's set-up), see "Database roles" in README.md`);
    }
    if (code !== "23505" && code !== "42P06" && code !== "42P07") throw e;
  }
}

function limiter(name: LimiterName): RateLimiterPostgres {
  const s = store();
  let l = s.limiters.get(name);
  if (!l) {
    const { points, duration } = LIMITS[name]();
    l = new RateLimiterPostgres({
      storeClient: s.pool,
      storeType: "pool",
      schemaName: SCHEMA,
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix: name,
      points,
      duration,
      // Once a key is over its limit, refuse it in memory without a database round trip.
      inMemoryBlockOnConsumed: points,
      inMemoryBlockDuration: duration,
      // If PostgreSQL is briefly unreachable, fall back to per-instance limits rather than refusing everyone.
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
    });
    s.limiters.set(name, l);
  }
  return l;
}

/**
 * Spends one attempt of `key` (a client address, a user id…) under the named
 * limit. Throws RateLimitedError (429) once the allowance is spent.
 */
export async function consume(name: LimiterName, key: string): Promise<void> {
  await store().ready;
  try {
    await limiter(name).consume(storedKey(name, key));
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new RateLimitedError(`Too many attempts; try again in ${seconds} second${seconds === 1 ? "" : "s"}.`);
    }
    throw e;
  }
}

/**
 * Counters outlive the request by their window, with an expiry time: keyed on a
 * plain voter id they would be a dated list of who acted when. Under an HMAC a
 * database dump shows neither the people nor the addresses.
 */
function storedKey(name: LimiterName, key: string): string {
  const secret = process.env.NEXTAUTH_SECRET || process.env.RECEIPT_SECRET || "hustings-rate-limit";
  return createHmac("sha256", secret).update(`${name}:${key}`).digest("base64url").slice(0, 32);
}

/** One sign-in attempt from this client address. */
export function limitSignIn(key: string): Promise<void> {
  return consume("signIn", key);
}

/** Closes the pool (tests, scripts); the next call opens a new one. */
export async function closeRateLimitStore(): Promise<void> {
  const s = globalStore.hustingsRateLimit;
  globalStore.hustingsRateLimit = undefined;
  await s?.pool.end();
}

export { clientAddress } from "./client-address";
