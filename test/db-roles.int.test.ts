// The two database roles (scripts/db-roles.ts): what the owner's set-up grants
// the app's role, and `npm start`'s refusal to serve as a role that could
// rewrite the audit log.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { appRoleProblems, grantAppRole, roleOf, withClient } from "@/scripts/db-roles";
import { prepareDatabase } from "@/scripts/prepare-database";

const ownerUrl = process.env.TEST_OWNER_DATABASE_URL!;
const appUrl = process.env.DATABASE_URL!;
const appRole = roleOf(appUrl);

const asOwner = <T>(run: (c: pg.Client) => Promise<T>): Promise<T> => withClient(ownerUrl, run);

async function privileges(table: string): Promise<Record<string, boolean>> {
  const names = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "MAINTAIN"];
  const rows = await prisma.$queryRawUnsafe<{ p: string; has: boolean }[]>(
    `SELECT p, has_table_privilege(current_user, '${table}', p) AS has FROM unnest($1::text[]) AS p`,
    names,
  );
  return Object.fromEntries(rows.map((r) => [r.p, r.has]));
}

describe("the app's database role", () => {
  it("may only read and append the audit log, and cannot see Prisma's migration table", async () => {
    expect(await privileges('"AuditEntry"')).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false, TRIGGER: false, MAINTAIN: false });
    expect(Object.values(await privileges('"_prisma_migrations"')).some(Boolean)).toBe(false);
  });

  it("reads, writes and may VACUUM (MAINTAIN) every other table, including one a later migration adds", async () => {
    expect(await privileges('"Ballot"')).toEqual({ SELECT: true, INSERT: true, UPDATE: true, DELETE: true, TRUNCATE: false, TRIGGER: false, MAINTAIN: true });
    // A table added by a later migration is covered once the owner's step runs again (it does after every migrate deploy).
    await asOwner((c) => c.query('CREATE TABLE "LaterTable" (id integer PRIMARY KEY)'));
    try {
      await expect(prisma.$executeRawUnsafe('INSERT INTO "LaterTable" VALUES (1)')).rejects.toThrow(/permission denied/);
      await grantAppRole(ownerUrl, appRole);
      expect(await privileges('"LaterTable"')).toMatchObject({ SELECT: true, INSERT: true, UPDATE: true, DELETE: true, MAINTAIN: true });
      expect(await prisma.$executeRawUnsafe('INSERT INTO "LaterTable" VALUES (1)')).toBe(1);
      await prisma.$executeRawUnsafe('VACUUM "LaterTable"');
    } finally {
      await asOwner((c) => c.query('DROP TABLE "LaterTable"'));
    }
  });

  it("cannot create tables or schemas (so it owns nothing), yet the rate-limit table the owner made works for it", async () => {
    await expect(prisma.$executeRawUnsafe('CREATE TABLE "Mine" (id integer)')).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRawUnsafe("CREATE SCHEMA mine")).rejects.toThrow(/permission denied/);
    await prisma.$executeRawUnsafe(`INSERT INTO hustings_rate_limit.counters (key, points) VALUES ('db-roles-test', 1)`);
    expect(await prisma.$executeRawUnsafe(`DELETE FROM hustings_rate_limit.counters WHERE key = 'db-roles-test'`)).toBe(1);
  });
});

describe("npm start's check of the role it serves as", () => {
  it("finds nothing wrong with the app's role", async () => {
    expect(await appRoleProblems(appUrl)).toEqual([]);
  });

  it("refuses the owner (a superuser in the embedded database), saying what to set", async () => {
    expect((await appRoleProblems(ownerUrl)).join("; ")).toMatch(/superuser/);
    await expect(prepareDatabase({ embedded: false, appUrl: ownerUrl, ownerUrl: null }, () => {})).rejects.toThrow(
      /refusing to serve as a role that could rewrite the audit log: .*superuser.*Set DATABASE_URL to the app's own role.*DATABASE_OWNER_URL/s,
    );
  });

  it("refuses a non-superuser that owns the audit table or may delete from it", async () => {
    const password = "owner-like-role-password-0123456789";
    await asOwner(async (c) => {
      await c.query(`DROP ROLE IF EXISTS "hustings_lax_test"`);
      await c.query(`CREATE ROLE "hustings_lax_test" LOGIN PASSWORD '${password}'`);
      await c.query(`GRANT SELECT, INSERT, DELETE ON "AuditEntry" TO "hustings_lax_test"`);
    });
    const lax = new URL(ownerUrl);
    lax.username = "hustings_lax_test";
    lax.password = password;
    try {
      expect(await appRoleProblems(lax.toString())).toEqual([expect.stringMatching(/may UPDATE, DELETE, TRUNCATE/)]);
    } finally {
      await asOwner(async (c) => {
        await c.query(`REVOKE ALL ON "AuditEntry" FROM "hustings_lax_test"`);
        await c.query(`DROP ROLE "hustings_lax_test"`);
      });
    }
  });
});
