// Databases of their own on the integration tests' PostgreSQL server, for
// checks about a whole database (empty, demo, holding real data) that the
// shared test database cannot answer.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrateDeploy } from "@/scripts/migrate-deploy";

export interface ScratchDatabase {
  url: string;
  /** A Prisma client on this database (made on first use, closed by drop). */
  prisma(): PrismaClient;
  drop(): Promise<void>;
}

const serverUrl = (database: string) => {
  // As the owner: creating databases is no business of the app role the other tests run as.
  const url = new URL(process.env.TEST_OWNER_DATABASE_URL ?? process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
};

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

let template: Promise<string> | undefined;

/** A migrated, empty database to copy: migrating once is seconds, copying is instant. */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `scratch_tpl_${randomUUID().slice(0, 8)}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    await migrateDeploy(serverUrl(name));
    return name;
  })();
  return template;
}

/** A new database: empty of tables, or migrated like production (and empty). */
export async function createScratchDatabase(opts: { migrated: boolean }): Promise<ScratchDatabase> {
  const name = `scratch_${randomUUID().slice(0, 8)}`;
  const from = opts.migrated ? ` TEMPLATE "${await migratedTemplate()}"` : "";
  await admin((c) => c.query(`CREATE DATABASE "${name}"${from}`));
  const url = serverUrl(name);
  let client: PrismaClient | undefined;
  return {
    url,
    prisma: () => (client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })),
    async drop() {
      await client?.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Drops the template this file made (call from afterAll of a file that used migrated databases). */
export async function dropScratchTemplate(): Promise<void> {
  if (!template) return;
  const name = await template;
  template = undefined;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
