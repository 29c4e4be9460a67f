import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoSecrets, EnvError, isDemoMode, loadDatabaseEnv, loadEnv } from "@/lib/config/env";

const SECRET = "a".repeat(32);
const PROD = { NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, RECEIPT_SECRET: SECRET, AUDIT_SECRET: SECRET, GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" };

function problems(raw: Record<string, string | undefined>): Record<string, string> {
  try {
    loadEnv(raw, { dataDir: mkdtempSync(path.join(tmpdir(), "hustings-env-")) });
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    return Object.fromEntries(e.problems.map((p) => [p.variable, p.message]));
  }
  return {};
}

describe("loadEnv", () => {
  it("has working defaults for a developer", () => {
    const c = loadEnv({});
    expect(c.port).toBe(3000);
    expect(c.nextauthUrl).toBe("http://localhost:3000");
    expect(c.databaseUrl).toBeNull();
    expect(c.demo).toBe(false);
    expect(c.logLevel).toBe("info");
    expect(c.receiptSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.startup).toEqual({ pgDir: ".data/pg", pgPort: 54320, freshDb: false, seedDemo: false });
  });

  it("derives NEXTAUTH_URL from PORT and trims a trailing slash", () => {
    expect(loadEnv({ PORT: "4123" }).nextauthUrl).toBe("http://localhost:4123");
    expect(loadEnv({ NEXTAUTH_URL: "https://vote.example.org/" }).nextauthUrl).toBe("https://vote.example.org");
  });

  it("accepts a complete production configuration", () => {
    const c = loadEnv({
      ...PROD,
      DATABASE_URL: "postgresql://hustings:pw@db.internal:5432/hustings",
      OIDC_ISSUER: "https://id.example.org",
      OIDC_CLIENT_ID: "hustings",
      OIDC_CLIENT_SECRET: "s3cret",
      HUSTINGS_ADMINS: "Ada-Admin, @olu-official ,Chair@Example.org",
      LOG_LEVEL: "warn",
    });
    expect(c.production).toBe(true);
    expect(c.github).toEqual({ clientId: "gh-id", clientSecret: "gh-secret" });
    expect(c.oidc).toEqual({ issuer: "https://id.example.org", clientId: "hustings", clientSecret: "s3cret", name: "Single sign-on" });
    expect(c.admins).toEqual({ logins: ["ada-admin", "olu-official"], emails: ["chair@example.org"] });
    expect(c.logLevel).toBe("warn");
  });

  it("treats an empty variable as unset", () => {
    expect(loadEnv({ DATABASE_URL: "", PORT: " " }).databaseUrl).toBeNull();
  });

  it("names every malformed variable at once", () => {
    const p = problems({ DATABASE_URL: "mysql://x@y/z", PORT: "eighty", NEXTAUTH_URL: "not a url", LOG_LEVEL: "loud", HUSTINGS_DEMO: "maybe", HUSTINGS_PG_PORT: "70000" });
    expect(Object.keys(p).sort()).toEqual(["DATABASE_URL", "HUSTINGS_DEMO", "HUSTINGS_PG_PORT", "LOG_LEVEL", "NEXTAUTH_URL", "PORT"]);
    expect(p.DATABASE_URL).toMatch(/PostgreSQL URL/);
    expect(p.PORT).toMatch(/port/);
    expect(p.LOG_LEVEL).toMatch(/one of fatal, error/);
    expect(p.HUSTINGS_DEMO).toMatch(/1 or 0/);
    expect(p.HUSTINGS_PG_PORT).toMatch(/between 1 and 65535/);
  });

  it("reports rules between variables together with malformed ones", () => {
    expect(Object.keys(problems({ PORT: "abc", GITHUB_ID: "x" })).sort()).toEqual(["GITHUB_SECRET", "PORT"]);
  });

  it("puts the variable names in the error message", () => {
    expect(() => loadEnv({ PORT: "-1", LOG_LEVEL: "loud" })).toThrow(/PORT: .*\n.*LOG_LEVEL: /);
  });

  it("requires both GitHub variables or neither", () => {
    expect(problems({ GITHUB_ID: "x" })).toEqual({ GITHUB_SECRET: "is required when GITHUB_ID is set" });
    expect(problems({ GITHUB_SECRET: "x" })).toEqual({ GITHUB_ID: "is required when GITHUB_SECRET is set" });
  });

  it("requires the three OIDC variables together", () => {
    const p = problems({ OIDC_ISSUER: "https://id.example.org" });
    expect(Object.keys(p).sort()).toEqual(["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]);
    expect(p.OIDC_CLIENT_ID).toMatch(/required when OIDC_ISSUER is set/);
    expect(problems({ OIDC_NAME: "Corp SSO" })).toHaveProperty("OIDC_NAME");
    expect(problems({ OIDC_ISSUER: "ftp://id.example.org", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" })).toHaveProperty("OIDC_ISSUER");
  });

  it("requires the secrets in production, except in demo mode", () => {
    const p = problems({ NODE_ENV: "production" });
    expect(p.NEXTAUTH_SECRET).toMatch(/required in production/);
    expect(p.RECEIPT_SECRET).toMatch(/required in production/);
    expect(problems({ ...PROD, RECEIPT_SECRET: "short" }).RECEIPT_SECRET).toMatch(/at least 32 characters/);
  });

  it("generates demo secrets once and keeps them, readable by the owner only", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "hustings-env-"));
    const first = loadEnv({ NODE_ENV: "production", HUSTINGS_DEMO: "1" }, { dataDir });
    const second = loadEnv({ NODE_ENV: "production", HUSTINGS_DEMO: "true" }, { dataDir });
    expect(first.nextauthSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.receiptSecret).not.toBe(first.nextauthSecret);
    expect(second.nextauthSecret).toBe(first.nextauthSecret);
    expect(second.receiptSecret).toBe(first.receiptSecret);
    const file = path.join(dataDir, "secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8")).RECEIPT_SECRET).toBe(first.receiptSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("makes the seeded admin an admin in demo mode unless HUSTINGS_ADMINS says otherwise", () => {
    expect(loadEnv({ HUSTINGS_DEMO: "1" }).admins.logins).toEqual(["ada-admin"]);
    expect(loadEnv({ HUSTINGS_DEMO: "1", HUSTINGS_ADMINS: "someone" }).admins.logins).toEqual(["someone"]);
    expect(loadEnv({}).admins).toEqual({ logins: [], emails: [] });
  });

  it("is never demo mode alongside a real sign-in provider", () => {
    expect(loadEnv({ HUSTINGS_DEMO: "1", GITHUB_ID: "a", GITHUB_SECRET: "b" }).demo).toBe(false);
    expect(isDemoMode({ HUSTINGS_DEMO: "1" })).toBe(true);
    expect(isDemoMode({ HUSTINGS_DEMO: "1", OIDC_ISSUER: "https://id.example.org" })).toBe(false);
    expect(isDemoMode({ HUSTINGS_DEMO: "nonsense" })).toBe(false);
  });

  it("names a bad HUSTINGS_ADMINS entry", () => {
    expect(problems({ HUSTINGS_ADMINS: "ok-login,not a login" }).HUSTINGS_ADMINS).toMatch(/"not a login" is neither/);
    expect(problems({ HUSTINGS_ADMINS: "bad@" }).HUSTINGS_ADMINS).toMatch(/not a valid email/);
  });

  it("reads the start-up knobs", () => {
    const c = loadEnv({ HUSTINGS_PG_DIR: "/tmp/pg", HUSTINGS_PG_PORT: "55555", HUSTINGS_FRESH_DB: "1", HUSTINGS_SEED: "demo" });
    expect(c.startup).toEqual({ pgDir: "/tmp/pg", pgPort: 55555, freshDb: true, seedDemo: true });
    expect(problems({ HUSTINGS_SEED: "everything" }).HUSTINGS_SEED).toMatch(/"demo"/);
  });
  it("trusts no proxy's X-Forwarded-For unless HUSTINGS_TRUSTED_PROXY_HOPS says how many", () => {
    expect(loadEnv({}).trustedProxyHops).toBe(0);
    expect(loadEnv({ HUSTINGS_TRUSTED_PROXY_HOPS: "2" }).trustedProxyHops).toBe(2);
    for (const bad of ["-1", "1.5", "all", "11"]) {
      expect(problems({ HUSTINGS_TRUSTED_PROXY_HOPS: bad }).HUSTINGS_TRUSTED_PROXY_HOPS).toMatch(/number/);
    }
  });
  it("keeps a demo's embedded data in a folder of its own", () => {
    expect(loadEnv({ HUSTINGS_DEMO: "1" }).startup.pgDir).toBe(".data/demo-pg");
    expect(loadEnv({ HUSTINGS_DEMO: "0" }).startup.pgDir).toBe(".data/pg");
    // A provider turns demo mode off, and with it the demo folder.
    expect(loadEnv({ HUSTINGS_DEMO: "1", GITHUB_ID: "a", GITHUB_SECRET: "b" }).startup.pgDir).toBe(".data/pg");
    expect(loadEnv({ HUSTINGS_DEMO: "1", HUSTINGS_PG_DIR: "/tmp/demo" }).startup.pgDir).toBe("/tmp/demo");
    // `npx hustings import` writes where `npm start` would keep its data: the demo folder for a local start without a provider.
    expect(loadDatabaseEnv({}).pgDir).toBe(".data/demo-pg");
    expect(loadDatabaseEnv({ GITHUB_ID: "a" }).pgDir).toBe(".data/pg");
    expect(loadDatabaseEnv({ HUSTINGS_DEMO: "0" }).pgDir).toBe(".data/pg");
    expect(loadDatabaseEnv({ HUSTINGS_PG_DIR: "x" }).pgDir).toBe("x");
  });
});

describe("audit log configuration", () => {
  it("requires AUDIT_SECRET in production (at least 32 characters), except in demo mode", () => {
    const { AUDIT_SECRET: _, ...withoutAudit } = PROD;
    expect(problems(withoutAudit).AUDIT_SECRET).toMatch(/required in production/);
    expect(problems({ ...PROD, AUDIT_SECRET: "short" }).AUDIT_SECRET).toMatch(/at least 32 characters/);
    expect(loadEnv(PROD).auditSecret).toBe(SECRET);
    expect(problems({ NODE_ENV: "production", HUSTINGS_DEMO: "1" })).toEqual({});
  });

  it("generates the audit secret and the app role's password with the demo secrets, keeping those already made", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "hustings-env-"));
    const file = path.join(dataDir, "secrets.json");
    // A secrets file written before the audit key existed keeps its secrets.
    writeFileSync(file, JSON.stringify({ NEXTAUTH_SECRET: "n".repeat(32), RECEIPT_SECRET: "r".repeat(32) }));
    const made = demoSecrets(dataDir);
    expect(made).toMatchObject({ NEXTAUTH_SECRET: "n".repeat(32), RECEIPT_SECRET: "r".repeat(32) });
    expect(made.AUDIT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(made.APP_DB_PASSWORD.length).toBeGreaterThanOrEqual(32);
    expect(new Set(Object.values(made)).size).toBe(4);
    expect(demoSecrets(dataDir)).toEqual(made);
    expect(loadEnv({ NODE_ENV: "production", HUSTINGS_DEMO: "1" }, { dataDir }).auditSecret).toBe(made.AUDIT_SECRET);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("validates DATABASE_OWNER_URL and wants DATABASE_URL with it", () => {
    expect(problems({ DATABASE_URL: "postgresql://app:pw@db/h", DATABASE_OWNER_URL: "mysql://x@db/h" }).DATABASE_OWNER_URL).toMatch(/PostgreSQL URL/);
    expect(problems({ DATABASE_OWNER_URL: "postgresql://owner:pw@db/h" }).DATABASE_OWNER_URL).toMatch(/needs DATABASE_URL/);
    const c = loadEnv({ DATABASE_URL: "postgresql://app:pw@db/h", DATABASE_OWNER_URL: "postgresql://owner:pw@db/h" });
    expect(c.databaseOwnerUrl).toBe("postgresql://owner:pw@db/h");
  });

  it("the CLI import demands AUDIT_SECRET with DATABASE_URL, so its entry chains under the app's key", () => {
    expect(() => loadDatabaseEnv({ DATABASE_URL: "postgresql://app:pw@db/h" })).toThrow(/AUDIT_SECRET: is required with DATABASE_URL/);
    expect(loadDatabaseEnv({ DATABASE_URL: "postgresql://app:pw@db/h", AUDIT_SECRET: SECRET }).auditSecret).toBe(SECRET);
    expect(loadDatabaseEnv({}).auditSecret).toBeNull();
  });
});
