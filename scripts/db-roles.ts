// Two database roles (issue 6, item 5): the owner applies migrations and grants;
// the app runs as a role that owns nothing and may only SELECT and INSERT the
// audit log, so no bug or injection in the app can rewrite it (it cannot
// UPDATE, DELETE, TRUNCATE, or ALTER TABLE … DISABLE TRIGGER).
// Used by `npm start`, `npx hustings import` and the integration tests' set-up.
import pg from "pg";

/** The app role the embedded database creates for itself. */
export const EMBEDDED_APP_ROLE = "hustings_app";

const AUDIT_TABLE = "AuditEntry";
// Prisma's own bookkeeping: the app has no business reading or editing it.
const MIGRATIONS_TABLE = "_prisma_migrations";
// lib/rate-limit/index.ts keeps its counters here, outside Prisma's schema.
export const RATE_LIMIT_SCHEMA = "hustings_rate_limit";
export const RATE_LIMIT_TABLE = "counters";

const id = (name: string) => pg.escapeIdentifier(name);

/** One connection for `run`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** The URL `ownerUrl` would be as `role` with `password` (same server and database). */
export function urlAs(ownerUrl: string, role: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The role a PostgreSQL URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates the app role if it does not exist (embedded database and tests only:
 * an operator creates it on an external server) and sets its password.
 */
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`;
    try {
      await c.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${id(role)} ${attrs}`);
    } catch (e) {
      // Two processes creating it at once (tests and a CLI import): the other one won.
      if ((e as { code?: string }).code !== "42710") throw e;
      await c.query(`ALTER ROLE ${id(role)} ${attrs}`);
    }
  });
}

/**
 * Grants the app role what it needs, run as the owner after every migrate
 * deploy so that tables added by later migrations are covered: SELECT, INSERT,
 * UPDATE, DELETE (and MAINTAIN, for VACUUM, on PostgreSQL 17+) on every table
 * of the schema except the audit log, where it gets SELECT and INSERT only.
 * Also creates the rate-limit table, which the app may not create itself.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<{ maintain: boolean }> {
  return withClient(ownerUrl, async (c) => {
    const r = id(role);
    const [{ schema, version }] = (await c.query<{ schema: string; version: number }>("SELECT current_schema() AS schema, current_setting('server_version_num')::int AS version"))
      .rows;
    const maintain = version >= 170000;
    const tables = (
      await c.query<{ name: string }>("SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1", [schema])
    ).rows.map((t) => t.name);
    await c.query("BEGIN");
    try {
      await c.query(`GRANT USAGE ON SCHEMA ${id(schema)} TO ${r}`);
      // PostgreSQL before 15 lets everyone create in public; the app must own nothing.
      await c.query(`REVOKE CREATE ON SCHEMA ${id(schema)} FROM ${r}`);
      for (const t of tables) {
        const table = `${id(schema)}.${id(t)}`;
        await c.query(`REVOKE ALL ON ${table} FROM ${r}`);
        if (t === MIGRATIONS_TABLE) continue;
        if (t === AUDIT_TABLE) {
          await c.query(`GRANT SELECT, INSERT ON ${table} TO ${r}`);
          continue;
        }
        await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${r}`);
        if (maintain) await c.query(`GRANT MAINTAIN ON ${table} TO ${r}`);
      }
      // nextval for the SERIAL columns (the audit log's seq among them); no setval.
      await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${id(schema)} TO ${r}`);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${id(RATE_LIMIT_SCHEMA)}`);
      await c.query(
        `CREATE TABLE IF NOT EXISTS ${id(RATE_LIMIT_SCHEMA)}.${id(RATE_LIMIT_TABLE)} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      );
      await c.query(`GRANT USAGE ON SCHEMA ${id(RATE_LIMIT_SCHEMA)} TO ${r}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${id(RATE_LIMIT_SCHEMA)}.${id(RATE_LIMIT_TABLE)} TO ${r}`);
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK");
      throw e;
    }
    return { maintain };
  });
}

/**
 * Why the role `appUrl` signs in as must not serve the app: it is a superuser,
 * owns (or is a member of the owner of) the audit table, or may change it.
 * Empty when it is safe.
 */
export async function appRoleProblems(appUrl: string): Promise<string[]> {
  return withClient(appUrl, async (c) => {
    const [row] = (
      await c.query<{ role: string; superuser: boolean; exists: boolean; owner: boolean | null; change: boolean | null }>(
        `SELECT current_user AS role, r.rolsuper AS superuser,
                to_regclass('"${AUDIT_TABLE}"') IS NOT NULL AS exists,
                (SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass('"${AUDIT_TABLE}"')) AS owner,
                (SELECT has_table_privilege(to_regclass('"${AUDIT_TABLE}"'), 'UPDATE, DELETE, TRUNCATE, TRIGGER') WHERE to_regclass('"${AUDIT_TABLE}"') IS NOT NULL) AS change
         FROM pg_roles r WHERE r.rolname = current_user`,
      )
    ).rows;
    const problems: string[] = [];
    if (row.superuser) problems.push(`role "${row.role}" is a superuser`);
    if (!row.exists) problems.push(`role "${row.role}" cannot see the "${AUDIT_TABLE}" table (are migrations applied, and is it granted?)`);
    if (row.owner) problems.push(`role "${row.role}" owns the "${AUDIT_TABLE}" table (or is a member of its owner)`);
    else if (row.change) problems.push(`role "${row.role}" may UPDATE, DELETE, TRUNCATE or add triggers to "${AUDIT_TABLE}"`);
    return problems;
  });
}
