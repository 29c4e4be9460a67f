// A database as an earlier release of Hustings left it: the migrations before
// a given one applied (and recorded the way `prisma migrate deploy` records
// them, so that deploy later applies only the rest), filled with rows that
// schema allowed. Written in plain SQL: the generated Prisma client knows only
// the current schema.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { auditEntryHash, GENESIS_HASH } from "@/lib/audit/append-audit-entry";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

export async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every migration folder, oldest first. */
export async function migrationNames(): Promise<string[]> {
  return (await readdir(MIGRATIONS, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Applies, as the owner, every migration older than `before`, recorded as deploy records them. */
export async function migrateUpTo(url: string, before: string): Promise<string[]> {
  const names = (await migrationNames()).filter((n) => n < before);
  await withClient(url, async (c) => {
    // Prisma's own bookkeeping table, as `migrate deploy` creates it on PostgreSQL.
    await c.query(`CREATE TABLE "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    for (const name of names) {
      const sql = await readFile(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
      await c.query(sql);
      await c.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [
        randomUUID(),
        createHash("sha256").update(sql).digest("hex"),
        name,
      ]);
    }
  });
  return names;
}

interface AuditRow {
  electionId: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  details: Record<string, unknown>;
}

/**
 * Appends entries chained and keyed exactly as appendAuditEntry did before
 * communities existed (no communityId column), so the migrated log must
 * still verify under the same AUDIT_SECRET.
 */
export async function appendOldAuditEntries(c: pg.Client, rows: AuditRow[]): Promise<{ seq: number; hash: string }[]> {
  const last = await c.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM "AuditEntry" ORDER BY seq DESC LIMIT 1`);
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  let seq = last.rows[0]?.seq ?? 0;
  const out = [];
  for (const r of rows) {
    seq++;
    const createdAt = new Date(Date.UTC(2025, 9, 1, 12, 0, seq, 123));
    const hash = auditEntryHash({ seq, prevHash, electionId: r.electionId, actorId: r.actorId, actorLabel: r.actorLabel, action: r.action, details: r.details, createdAt });
    await c.query(
      `INSERT INTO "AuditEntry" (seq, "electionId", "actorId", "actorLabel", action, details, "createdAt", "prevHash", hash)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::timestamp, $8, $9)`,
      [seq, r.electionId, r.actorId, r.actorLabel, r.action, JSON.stringify(r.details), createdAt.toISOString().replace("Z", ""), prevHash, hash],
    );
    out.push({ seq, hash });
    prevHash = hash;
  }
  await c.query(`SELECT setval(pg_get_serial_sequence('"AuditEntry"', 'seq'), $1)`, [seq]);
  return out;
}

/** Ids of what `fillPreviousSchema` wrote. */
export interface OldData {
  elections: { id: string; slug: string }[];
  users: Record<string, string>;
}

/**
 * Two elections under the schema before communities: a published one (ballots,
 * participations, a result with its audit checkpoints) and one in voting (a
 * sealed pending ballot, an exception request), with officials, candidacies and
 * their revisions, rolls, accounts, sessions and a keyed audit chain.
 * `demo` makes it a demo database (DemoMarker, no provider accounts).
 */
export async function fillPreviousSchema(url: string, opts: { demo?: boolean } = {}): Promise<OldData> {
  return withClient(url, async (c) => {
    const users: Record<string, string> = {};
    for (const key of ["admin", "official", "cand1", "cand2", "voter1", "voter2", "voter3"]) {
      users[key] = `user-${key}`;
      await c.query(`INSERT INTO "User" (id, name, email, "githubLogin", "sessionVersion") VALUES ($1, $2, $3, $4, $5)`, [users[key], `Old ${key}`, `${key}@example.org`, `old-${key}`, key === "voter2" ? 2 : 0]);
    }
    if (opts.demo) await c.query(`INSERT INTO "DemoMarker" (id) VALUES (1)`);
    else {
      await c.query(`INSERT INTO "Account" (id, "userId", type, provider, "providerAccountId") VALUES ('acct-1', $1, 'oauth', 'github', '4242')`, [users.voter1]);
      await c.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ('sess-1', 'token-1', $1, '2030-01-01')`, [users.voter1]);
      await c.query(`INSERT INTO "VerificationToken" (identifier, token, expires) VALUES ('voter3@example.org', 'vt-1', '2030-01-01')`);
    }
    const elections = [
      { id: "election-a", slug: "board-2025", state: "PUBLISHED" },
      { id: "election-b", slug: "tsc-2026", state: "SCHEDULED" },
    ];
    for (const e of elections) {
      await c.query(
        `INSERT INTO "Election" (id, slug, title, description, seats, "maxPerAffiliation", "continuingMembers", state, "nominationsOpenAt", "nominationsCloseAt", "votingOpenAt", "votingCloseAt", "openedAt", "updatedAt")
         VALUES ($1, $2, $3, 'Held **before** communities.', 1, 1, '[{"name":"Kept Member","affiliation":"Acme"}]', $4::"ElectionState", '2025-09-01', '2025-09-10', '2025-09-15', $5::timestamp, '2025-08-30', '2025-09-01')`,
        [e.id, e.slug, `Old ${e.slug}`, e.state, e.state === "PUBLISHED" ? "2025-09-30" : "2099-01-01"],
      );
      await c.query(`INSERT INTO "Official" ("electionId", "userId") VALUES ($1, $2)`, [e.id, users.official]);
    }
    const candidacy = async (id: string, electionId: string, userId: string | null, status: string) => {
      await c.query(
        `INSERT INTO "Candidacy" (id, "electionId", "userId", status, "displayName", email, affiliation, statement, "updatedAt") VALUES ($1, $2, $3, $4::"CandidacyStatus", $5, $6, 'Acme', 'I stand.', '2025-09-05')`,
        [id, electionId, userId, status, `Name ${id}`, `${id}@example.org`],
      );
      await c.query(`INSERT INTO "CandidacyRevision" (id, "candidacyId", number, "displayName", email, affiliation, statement, "editedById") VALUES ($1, $2, 1, $3, $4, 'Acme', 'I stand.', $5)`, [
        `rev-${id}`,
        id,
        `Name ${id}`,
        `${id}@example.org`,
        userId,
      ]);
    };
    await candidacy("c1", "election-a", users.cand1, "ACCEPTED");
    await candidacy("c2", "election-a", users.cand2, "ACCEPTED");
    await candidacy("c3", "election-b", users.cand1, "SUBMITTED");
    await candidacy("c4", "election-b", null, "SUBMITTED"); // imported, not yet claimed
    const roll: [string, string, string][] = [
      ["e1", "election-a", "voter1"],
      ["e2", "election-a", "voter2"],
      ["e3", "election-a", "voter3"],
      ["e4", "election-b", "voter1"],
      ["e5", "election-b", "voter2"],
    ];
    for (const [id, electionId, key] of roll) {
      await c.query(`INSERT INTO "ElectorateEntry" (id, "electionId", "githubLogin", email, name) VALUES ($1, $2, $3, $4, $5)`, [id, electionId, `old-${key}`, `${key}@example.org`, `Old ${key}`]);
    }
    await c.query(`INSERT INTO "ExceptionRequest" (id, "electionId", "userId", reason) VALUES ('x1', 'election-b', $1, 'My commits are in another repository.')`, [users.voter3]);
    for (const [electionId, key, entryId] of [["election-a", "voter1", "e1"], ["election-a", "voter2", "e2"], ["election-b", "voter1", "e4"]]) {
      await c.query(`INSERT INTO "Participation" ("electionId", "userId", "entryId") VALUES ($1, $2, $3)`, [electionId, users[key], entryId]);
    }
    for (const ranking of [[["c1"], ["c2"]], [["c2", "c1"]]]) {
      await c.query(`INSERT INTO "Ballot" (id, "electionId", ranking, "receiptHash") VALUES ($1, 'election-a', $2::jsonb, $3)`, [randomUUID(), JSON.stringify(ranking), randomBytes(32).toString("hex")]);
    }
    await c.query(`INSERT INTO "PendingBallot" (id, "electionId", sealed) VALUES ($1, 'election-b', $2)`, [randomUUID(), randomBytes(64)]);

    const actor = (key: string) => ({ actorId: users[key], actorLabel: `old-${key}` });
    const [, , , , tallied, published] = await appendOldAuditEntries(c, [
      { electionId: "election-a", ...actor("admin"), action: "election.created", details: { slug: "board-2025", seats: 1 } },
      { electionId: "election-a", ...actor("admin"), action: "official.appointed", details: { userId: users.official, login: "old-official" } },
      { electionId: "election-a", ...actor("official"), action: "candidacy.accepted", details: { candidacyId: "c1", displayName: "Name c1" } },
      { electionId: "election-a", ...actor("official"), action: "voting.closed", details: { participations: 2 } },
      { electionId: "election-a", ...actor("official"), action: "election.tallied", details: { ballots: 2, winners: ["c1"], ballotHash: "b".repeat(64) } },
      { electionId: "election-a", ...actor("official"), action: "results.published", details: { ballotHash: "b".repeat(64) } },
      { electionId: "election-b", ...actor("admin"), action: "election.created", details: { slug: "tsc-2026", seats: 1 } },
      { electionId: "election-b", actorId: null, actorLabel: "system", action: "election.imported", details: { source: "kata", title: "Old tsc-2026", candidates: 1 } },
      { electionId: null, ...actor("admin"), action: "sessions.revoked", details: { userId: users.voter2 } },
    ]);
    await c.query(
      `INSERT INTO "Result" ("electionId", data, "ballotHash", "talliedById", "publishedAt", "talliedAuditSeq", "talliedAuditHash", "publishedAuditSeq", "publishedAuditHash")
       VALUES ('election-a', $1::jsonb, $2, $3, '2025-10-02', $4, $5, $6, $7)`,
      [JSON.stringify({ winners: ["c1"], ranking: [["c1"], ["c2"]], ballots: 2 }), "b".repeat(64), users.official, tallied.seq, tallied.hash, published.seq, published.hash],
    );
    return { elections: elections.map(({ id, slug }) => ({ id, slug })), users };
  });
}

/**
 * Per table: how many rows, and a digest of every row without the columns
 * the communities migration adds (so equal digests mean no row was lost or changed).
 */
// Columns added by migrations after the previous schema; the digests compare what was already there.
const LATER_COLUMNS = ["communityId", "committee", "votingClosedAt", "cancelledAt", "cancelReason", "attempt", "withdrawnAt"].map((c) => `'${c}'`).join(", ");

export async function tableDigests(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const tables = (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const { rows } = await c.query<{ n: number; d: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(j::text, '|' ORDER BY j::text), '')) AS d FROM (SELECT to_jsonb(x) - ARRAY[${LATER_COLUMNS}] AS j FROM "${t}" x) s`,
      );
      out[t] = `${rows[0].n}:${rows[0].d}`;
    }
    return out;
  });
}
