// The instance's whole configuration (PRODUCT §10: "configuration only through
// documented environment variables, checked at start with a clear message").
// README.md's configuration table documents every variable read here; keep the
// two in step. `npm start` calls loadEnv before it starts anything, so a bad
// variable stops the instance with its name instead of failing on first use.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Demo mode's instance administrator when HUSTINGS_ADMINS is unset: the seeded "Ada Admin" (lib/demo/people.ts). */
export const DEMO_ADMINS = "ada-admin";

// Secrets shorter than this are guessable or a placeholder left in a config file.
const MIN_SECRET_LENGTH = 32;

// Used only outside production (dev server, tests), so a developer needs no setup;
// production refuses to start without real secrets unless it is a demo.
const DEVELOPMENT_SECRET = "hustings-development-only-secret-never-use-in-production";

const GITHUB_LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { message: "must be 1 or 0 (or true/false)" })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const port = z.coerce
  .number({ message: "must be a port number" })
  .int("must be a whole number between 1 and 65535")
  .min(1, "must be a whole number between 1 and 65535")
  .max(65535, "must be a whole number between 1 and 65535");

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL, e.g. https://hustings.example.org" });

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  message: "must be a PostgreSQL URL: postgresql://user:password@host:5432/database",
});

const secret = z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -base64 32)`);
const nonEmpty = z.string().min(1, "must not be empty");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { message: "must be development, production or test" }).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_OWNER_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  NEXTAUTH_URL: httpUrl.optional(),
  NEXTAUTH_SECRET: secret.optional(),
  RECEIPT_SECRET: secret.optional(),
  AUDIT_SECRET: secret.optional(),
  GITHUB_ID: nonEmpty.optional(),
  GITHUB_SECRET: nonEmpty.optional(),
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: nonEmpty.optional(),
  OIDC_CLIENT_SECRET: nonEmpty.optional(),
  OIDC_NAME: nonEmpty.optional(),
  HUSTINGS_ADMINS: z.string().optional(),
  HUSTINGS_DEMO: flag.optional(),
  HUSTINGS_TRUSTED_PROXY_HOPS: z.coerce
    .number({ message: "must be the number of proxies in front of the app (0 if none)" })
    .int("must be a whole number from 0 to 10")
    .min(0, "must be a whole number from 0 to 10")
    .max(10, "must be a whole number from 0 to 10")
    .default(0),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  // Knobs of `npm start` (scripts/start.ts); validated here so a typo is named too.
  // Default: DEMO_PG_DIR in demo mode, EMBEDDED_PG_DIR otherwise (see pgDirFor).
  HUSTINGS_PG_DIR: nonEmpty.optional(),
  HUSTINGS_PG_PORT: port.default(54320),
  HUSTINGS_FRESH_DB: flag.default(false),
  HUSTINGS_SEED: z.enum(["demo"], { message: 'must be "demo" (or unset)' }).optional(),
});

export interface Config {
  nodeEnv: "development" | "production" | "test";
  production: boolean;
  /** null: `npm start` runs an embedded PostgreSQL and passes its URL to the app. */
  databaseUrl: string | null;
  /** The owner of the tables, for migrations and grants only (never handed to the app); null: migrations are applied by someone else. */
  databaseOwnerUrl: string | null;
  port: number;
  nextauthUrl: string;
  nextauthSecret: string;
  /** HMAC-SHA-256 key for ballot receipts: only the hash of a receipt code is stored. */
  receiptSecret: string;
  /** HMAC key of the audit chain, kept out of the database so that database access alone cannot forge an entry. */
  auditSecret: string;
  github: { clientId: string; clientSecret: string } | null;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  /** Lower-cased; a person is an admin if their GitHub login or email is listed. */
  admins: { logins: string[]; emails: string[] };
  /** Sign-in as any seeded person at /demo; never for a real election. */
  demo: boolean;
  logLevel: LogLevel;
  /** Proxies in front of the app whose X-Forwarded-For entries are believed (scripts/serve.ts). */
  trustedProxyHops: number;
  startup: { pgDir: string; pgPort: number; freshDb: boolean; seedDemo: boolean };
}

export interface EnvProblem {
  variable: string;
  message: string;
}

export class EnvError extends Error {
  constructor(public readonly problems: EnvProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n")}\nSee "Configuration" in README.md.`);
    this.name = "EnvError";
  }
}

export interface LoadEnvOptions {
  /** Where demo mode keeps the secrets it generates, so sessions and receipts survive restarts. */
  dataDir?: string;
}

/**
 * Parses and checks the configuration; throws an EnvError naming every bad
 * variable at once, so a deploy needs one round of fixes rather than one per variable.
 */
export function loadEnv(raw: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env, options: LoadEnvOptions = {}): Config {
  // An empty variable (`FOO=` in a compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(present);
  const problems: EnvProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? "environment"), message: i.message }));

  // The rules between variables look at what is set, not at parsed values, so
  // they are reported together with any malformed variable.
  const isSet = (name: string) => present[name] !== undefined;
  const both = (a: string, b: string) => {
    if (isSet(a) && !isSet(b)) problems.push({ variable: b, message: `is required when ${a} is set` });
  };
  both("GITHUB_ID", "GITHUB_SECRET");
  both("GITHUB_SECRET", "GITHUB_ID");
  const oidcVars = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"];
  const oidcSet = oidcVars.filter(isSet);
  if (oidcSet.length > 0) {
    for (const v of oidcVars) if (!isSet(v)) problems.push({ variable: v, message: `is required when ${oidcSet.join(" and ")} ${oidcSet.length > 1 ? "are" : "is"} set` });
  } else if (isSet("OIDC_NAME")) {
    problems.push({ variable: "OIDC_NAME", message: "has no effect without OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET" });
  }

  const demo = isDemoMode(present);
  const production = present.NODE_ENV === "production";
  const admins = parseAdmins(present.HUSTINGS_ADMINS ?? (demo ? DEMO_ADMINS : ""), problems);
  if (production && !demo) {
    const why = "is required in production (generate one with: openssl rand -base64 32); only demo mode makes its own";
    if (!isSet("NEXTAUTH_SECRET")) problems.push({ variable: "NEXTAUTH_SECRET", message: why });
    if (!isSet("RECEIPT_SECRET")) problems.push({ variable: "RECEIPT_SECRET", message: why });
    if (!isSet("AUDIT_SECRET")) problems.push({ variable: "AUDIT_SECRET", message: why });
  }
  if (isSet("DATABASE_OWNER_URL") && !isSet("DATABASE_URL")) {
    problems.push({ variable: "DATABASE_OWNER_URL", message: "needs DATABASE_URL (the app's role); the embedded database sets up both roles itself" });
  }
  if (!parsed.success || problems.length > 0) throw new EnvError(problems);
  const e = parsed.data;

  let nextauthSecret = e.NEXTAUTH_SECRET;
  let receiptSecret = e.RECEIPT_SECRET;
  let auditSecret = e.AUDIT_SECRET;
  if (!nextauthSecret || !receiptSecret || !auditSecret) {
    const fallback = production
      ? demoSecrets(options.dataDir ?? ".data")
      : { NEXTAUTH_SECRET: DEVELOPMENT_SECRET, RECEIPT_SECRET: DEVELOPMENT_SECRET, AUDIT_SECRET: DEVELOPMENT_SECRET };
    nextauthSecret ??= fallback.NEXTAUTH_SECRET;
    receiptSecret ??= fallback.RECEIPT_SECRET;
    auditSecret ??= fallback.AUDIT_SECRET;
  }

  return {
    nodeEnv: e.NODE_ENV,
    production,
    databaseUrl: e.DATABASE_URL ?? null,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? null,
    port: e.PORT,
    nextauthUrl: (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    nextauthSecret,
    receiptSecret,
    auditSecret,
    github: e.GITHUB_ID && e.GITHUB_SECRET ? { clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET } : null,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME ?? "Single sign-on" }
        : null,
    admins,
    demo,
    logLevel: e.LOG_LEVEL,
    trustedProxyHops: e.HUSTINGS_TRUSTED_PROXY_HOPS,
    startup: { pgDir: e.HUSTINGS_PG_DIR ?? pgDirFor(demo), pgPort: e.HUSTINGS_PG_PORT, freshDb: e.HUSTINGS_FRESH_DB, seedDemo: e.HUSTINGS_SEED === "demo" },
  };
}

/**
 * Only where the app's data lives (DATABASE_URL, else the embedded server's
 * folder and port), checked like loadEnv does: for `npx hustings import`, which
 * must write to the database `npm start` uses without needing sign-in secrets.
 */
export function loadDatabaseEnv(raw: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env): {
  databaseUrl: string | null;
  auditSecret: string | null;
  pgDir: string;
  pgPort: number;
} {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.pick({ DATABASE_URL: true, AUDIT_SECRET: true, HUSTINGS_PG_DIR: true, HUSTINGS_PG_PORT: true }).safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? "environment"), message: i.message }));
  // An entry chained under another key would make the whole log fail verification.
  if (present.DATABASE_URL && !present.AUDIT_SECRET) problems.push({ variable: "AUDIT_SECRET", message: "is required with DATABASE_URL: the key the app's audit log is chained under" });
  if (!parsed.success || problems.length > 0) throw new EnvError(problems);
  const d = parsed.data;
  return { databaseUrl: d.DATABASE_URL ?? null, auditSecret: d.AUDIT_SECRET ?? null, pgDir: d.HUSTINGS_PG_DIR ?? pgDirFor(startsInDemoMode(present)), pgPort: d.HUSTINGS_PG_PORT };
}

/** The embedded database's data folders: a demo never shares one with a real instance (issue 6, item 7). */
export const EMBEDDED_PG_DIR = ".data/pg";
export const DEMO_PG_DIR = ".data/demo-pg";

function pgDirFor(demo: boolean): string {
  return demo ? DEMO_PG_DIR : EMBEDDED_PG_DIR;
}

/**
 * Whether `npm start` runs this configuration in demo mode: it sets
 * HUSTINGS_DEMO=1 itself for an embedded database without a sign-in provider.
 */
export function startsInDemoMode(raw: Record<string, string | undefined>): boolean {
  const set = (name: string) => (raw[name]?.trim() ?? "") !== "";
  if (!set("HUSTINGS_DEMO") && !set("DATABASE_URL") && !set("GITHUB_ID") && !set("OIDC_ISSUER")) return true;
  return isDemoMode(raw);
}

function parseAdmins(list: string, problems: EnvProblem[]): Config["admins"] {
  const logins: string[] = [];
  const emails: string[] = [];
  // "@login" is how people write GitHub handles; the @ is not part of the login.
  for (const item of list.split(",").map((s) => s.trim().toLowerCase().replace(/^@/, "")).filter(Boolean)) {
    if (item.includes("@")) {
      if (z.email().safeParse(item).success) emails.push(item);
      else problems.push({ variable: "HUSTINGS_ADMINS", message: `"${item}" is not a valid email address` });
    } else if (GITHUB_LOGIN.test(item)) {
      logins.push(item);
    } else {
      problems.push({ variable: "HUSTINGS_ADMINS", message: `"${item}" is neither a GitHub login nor an email address` });
    }
  }
  return { logins, emails };
}

const GENERATED_SECRETS = ["NEXTAUTH_SECRET", "RECEIPT_SECRET", "AUDIT_SECRET", "APP_DB_PASSWORD"] as const;
export type GeneratedSecrets = Record<(typeof GENERATED_SECRETS)[number], string>;

/**
 * Demo mode's secrets (and the embedded database's app-role password): made
 * once and kept in the data folder (readable by its owner only), so demo
 * sessions, receipts and the audit chain stay valid across restarts. A secret
 * added by a later version is made without touching the ones already kept.
 */
export function demoSecrets(dataDir: string): GeneratedSecrets {
  const file = path.resolve(dataDir, "secrets.json");
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  const missing = GENERATED_SECRETS.filter((k) => typeof stored[k] !== "string");
  if (missing.length === 0) return stored as GeneratedSecrets;
  const made = { ...stored };
  for (const k of missing) made[k] = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return made as GeneratedSecrets;
}

/**
 * Demo mode alone, without validating the rest (also for UI rendered during
 * `next build`, where the secrets a full check demands may be absent). A real
 * sign-in provider turns it off: an instance where anyone can be anyone must
 * never hold real identities (lib/auth applies the same rule).
 */
export function isDemoMode(raw: Record<string, string | undefined> = process.env): boolean {
  return flag.safeParse(raw.HUSTINGS_DEMO?.trim()).data === true && !raw.GITHUB_ID?.trim() && !raw.OIDC_ISSUER?.trim();
}

let cached: Config | undefined;

/** The configuration for app code, read once per process. */
export function env(): Config {
  return (cached ??= loadEnv());
}
