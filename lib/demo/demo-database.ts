// Demo mode lets anyone sign in as anyone, so it must never run over real data
// (issue 6, item 7). A database is fit for a demo when it is empty, or when the
// demo seed marked it (the DemoMarker row, written only into an empty
// database) and nobody has since signed in through a real provider (an Account
// row: demo sign-in creates none). `npm start` checks this before it migrates
// or serves anything; demo sign-in checks it again on every call.
//
// The check is plain SQL over pg_catalog so it also works on a database that
// was never migrated, or belongs to something else entirely, and sees every
// table whatever the connecting role may read (information_schema would hide
// tables it has no privilege on).
import pg from "pg";

export type DemoDatabaseVerdict =
  | { ok: true; state: "empty" | "demo" }
  | { ok: false; reason: "real-accounts"; accounts: number; providers: string[] }
  | { ok: false; reason: "not-demo"; tablesWithRows: string[]; users: number; elections: number };

/** Runs one SQL statement and returns its rows (a pg client or Prisma's $queryRawUnsafe). */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

// Bookkeeping that holds nobody's data.
const IGNORED_TABLES = new Set(["_prisma_migrations", "DemoMarker"]);

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function inspectDemoDatabase(query: Query): Promise<DemoDatabaseVerdict> {
  const tables = (
    await query(`SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')`)
  ).map((r) => String(r.name));
  const has = (t: string) => tables.includes(t);

  if (has("Account")) {
    const rows = await query(`SELECT provider, count(*)::int AS n FROM "Account" GROUP BY provider ORDER BY provider`);
    const accounts = rows.reduce((sum, r) => sum + Number(r.n), 0);
    if (accounts > 0) return { ok: false, reason: "real-accounts", accounts, providers: rows.map((r) => String(r.provider)) };
  }
  if (has("DemoMarker") && (await query(`SELECT 1 FROM "DemoMarker" LIMIT 1`)).length > 0) return { ok: true, state: "demo" };

  const tablesWithRows: string[] = [];
  for (const t of tables.filter((t) => !IGNORED_TABLES.has(t)).sort()) {
    // A table this role may not read could hold anything: it counts as data.
    const rows = await query(`SELECT 1 FROM ${ident(t)} LIMIT 1`).catch((e: unknown) => {
      if ((e as { code?: string }).code === "42501" || /permission denied/i.test(String((e as Error).message))) return [{}];
      throw e;
    });
    if (rows.length > 0) tablesWithRows.push(t);
  }
  if (tablesWithRows.length === 0) return { ok: true, state: "empty" };
  const count = async (t: string) => (has(t) ? Number((await query(`SELECT count(*)::int AS n FROM ${ident(t)}`))[0].n) : 0);
  return { ok: false, reason: "not-demo", tablesWithRows, users: await count("User"), elections: await count("Election") };
}

/** The same check over a connection string, for `npm start` (before Prisma or migrations run). */
export async function inspectDemoDatabaseAt(databaseUrl: string): Promise<DemoDatabaseVerdict> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await inspectDemoDatabase(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Why `npm start` refuses, for a person: what holds real data (`where`: the
 * data folder or the database) and what to set instead.
 */
export function demoRefusal(verdict: Extract<DemoDatabaseVerdict, { ok: false }>, where: string): string {
  const what =
    verdict.reason === "real-accounts"
      ? `holds ${plural(verdict.accounts, "identity", "identities")} from a real sign-in provider (${verdict.providers.join(", ")})`
      : `holds data (${plural(verdict.users, "person", "people")}, ${plural(verdict.elections, "election")}; tables with rows: ${verdict.tablesWithRows.join(", ")}) and is not a demo database`;
  return [
    `Refusing to start in demo mode: ${where} ${what}.`,
    "In demo mode anyone can sign in as anyone, so it only runs on an empty database or one the demo seed made.",
    "To run this instance for real, configure a sign-in provider (GITHUB_ID and GITHUB_SECRET, or OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET).",
    "For a demo, use another data folder (HUSTINGS_PG_DIR, default .data/demo-pg) or, with DATABASE_URL, an empty database.",
  ].join("\n");
}
