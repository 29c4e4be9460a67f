// Issue 6.3: the joins an attacker with a copy of the database runs —
// Participation.xmin = Ballot.xmin, Participation.xmin + 1 = Ballot.xmin, and
// physical (ctid) order — after sequential casts, after a killed casting
// process and after a database restart, while voting is open and after close.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { closeVoting } from "@/lib/elections/close-voting";
import { withClient } from "@/scripts/db-roles";
import { startEmbeddedPostgres } from "@/scripts/embedded-db";
import { migrateDeploy } from "@/scripts/migrate-deploy";
import { castBallot } from "./cast-ballot";
import { replaceBallot } from "./replace-ballot";
import { receiptHash } from "./receipt";
import { MIN_GROUP } from "./flush-ballots";
import { rankingFor } from "@/test/helpers/worker-ranking";
import { makeCandidate, makeElection, makeOfficial, makeVoter } from "@/test/helpers/factories";

afterAll(() => closeRateLimitStore());

const ROOT = path.resolve(import.meta.dirname, "../..");
// An attacker with the database has at least the owner's view of it.
const OWNER_URL = process.env.TEST_OWNER_DATABASE_URL ?? process.env.DATABASE_URL!;

interface Linkage {
  ballots: number;
  participations: number;
  /** Sizes of the groups of ballots sharing one xmin. */
  groups: number[];
  /** Per participation: how many ballots the attacker's xmin joins return (0 = none). */
  sameXmin: number[];
  nextXmin: number[];
}

async function linkage(db: pg.Client, electionId: string): Promise<Linkage> {
  const q = async <T extends pg.QueryResultRow>(sql: string) => (await db.query<T>(sql, [electionId])).rows;
  const groups = await q<{ n: string }>(`SELECT count(*) AS n FROM "Ballot" WHERE "electionId" = $1 GROUP BY xmin::text`);
  const join = (on: string) =>
    q<{ n: string }>(`
      SELECT count(b."id") AS n FROM "Participation" p
      LEFT JOIN "Ballot" b ON b."electionId" = p."electionId" AND ${on}
      WHERE p."electionId" = $1 GROUP BY p."entryId"`);
  const sameXmin = await join(`b.xmin::text = p.xmin::text`);
  const nextXmin = await join(`b.xmin::text::bigint = p.xmin::text::bigint + 1`);
  const [{ n: participations }] = await q<{ n: string }>(`SELECT count(*) AS n FROM "Participation" WHERE "electionId" = $1`);
  return {
    ballots: groups.reduce((s, g) => s + Number(g.n), 0),
    participations: Number(participations),
    groups: groups.map((g) => Number(g.n)),
    sameXmin: sameXmin.map((r) => Number(r.n)),
    nextXmin: nextXmin.map((r) => Number(r.n)),
  };
}

/** While voting: no ballot in a group smaller than MIN_GROUP, and no join narrows a voter down below it. */
function expectHiddenWhileVoting(l: Linkage) {
  for (const g of l.groups) expect(g).toBeGreaterThanOrEqual(MIN_GROUP);
  for (const n of [...l.sameXmin, ...l.nextXmin]) expect(n === 0 || n >= MIN_GROUP, `a join narrowed a voter to ${n} ballots`).toBe(true);
}

/**
 * After close: one group holding every ballot, the participations rewritten in
 * the same transaction, positions that do not pair them, and no dead row
 * version left holding an older transaction id or position.
 */
async function expectUnlinkedAfterClose(db: pg.Client, electionId: string, pairs: { entryId: string; hash: string }[]) {
  const l = await linkage(db, electionId);
  expect(l.groups).toEqual([l.participations]);
  for (const n of [...l.sameXmin, ...l.nextXmin]) expect(n === 0 || n === l.participations).toBe(true);
  // Storage order: how often would "k-th participation row ↔ k-th ballot row" be right?
  const pOrder = (await db.query<{ e: string }>(`SELECT "entryId" AS e FROM "Participation" WHERE "electionId" = $1 ORDER BY ctid`, [electionId])).rows.map((r) => r.e);
  const bOrder = (await db.query<{ h: string }>(`SELECT "receiptHash" AS h FROM "Ballot" WHERE "electionId" = $1 ORDER BY ctid`, [electionId])).rows.map((r) => r.h);
  const hashOf = new Map(pairs.map((p) => [p.entryId, p.hash]));
  const right = pOrder.filter((entryId, k) => hashOf.get(entryId) === bOrder[k]).length;
  expect(right).toBeLessThan(Math.max(2, pOrder.length / 2));
  await expectNoDeadVersions(db, electionId, pairs);
}

/**
 * Reads the tables' pages as they are on disk (pageinspect): every version of
 * this election's rows still stored, dead or alive. After the vacuum exactly
 * one version of each ballot and participation may remain (the live one, with
 * the close's transaction id), and no pending row of the election.
 */
async function expectNoDeadVersions(db: pg.Client, electionId: string, pairs: { entryId: string; hash: string }[]) {
  await db.query("CREATE EXTENSION IF NOT EXISTS pageinspect");
  const storedVersions = async (table: string, needle: string) => {
    const [{ n }] = (
      await db.query<{ n: string }>(
        `SELECT count(*) AS n
         FROM generate_series(0, (pg_relation_size('"${table}"') / current_setting('block_size')::int) - 1) AS page,
              LATERAL heap_page_items(get_raw_page('"${table}"', page::int)) AS h
         WHERE h.lp_len > 0 AND position(convert_to($1, 'UTF8') IN h.t_data) > 0`,
        [needle],
      )
    ).rows;
    return Number(n);
  };
  for (const { entryId, hash } of pairs) {
    expect(await storedVersions("Ballot", hash), "versions of a ballot still on disk").toBe(1);
    expect(await storedVersions("Participation", entryId), "versions of a participation still on disk").toBe(1);
  }
  expect(await storedVersions("PendingBallot", electionId), "pending rows of the election still on disk").toBe(0);
}

function worker(args: string[], databaseUrl: string): { child: ChildProcess; lines: string[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/ballot-worker.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts.filter(Boolean));
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      if (buffer) lines.push(buffer);
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    }),
  );
  return { child, lines, done };
}

async function runWorker(args: string[], databaseUrl: string): Promise<string[]> {
  const w = worker(args, databaseUrl);
  expect(await w.done).toBe(0);
  return w.lines;
}

/** Every voter's receipt finds exactly the ballot that voter cast: nothing lost, nothing doubled, nothing swapped. */
async function expectEveryBallotCounted(db: pg.Client, setup: WorkerSetup, receipts: Map<string, string>) {
  const rows = (await db.query<{ userId: string; entryId: string }>(`SELECT "userId", "entryId" FROM "Participation" WHERE "electionId" = $1`, [setup.electionId])).rows;
  expect(rows).toHaveLength(setup.voters.length);
  const ballots = new Map(
    (await db.query<{ h: string; r: string[][] }>(`SELECT "receiptHash" AS h, "ranking" AS r FROM "Ballot" WHERE "electionId" = $1`, [setup.electionId])).rows.map((b) => [b.h, b.r]),
  );
  expect(ballots.size).toBe(setup.voters.length);
  const pairs = rows.map((p) => {
    const hash = receiptHash(p.entryId, receipts.get(p.userId)!);
    const index = setup.voters.indexOf(p.userId);
    expect(ballots.get(hash)).toEqual(rankingFor(index, setup.candidates));
    return { entryId: p.entryId, hash };
  });
  return pairs;
}

interface WorkerSetup {
  electionId: string;
  officialId: string;
  voters: string[];
  candidates: string[];
}

function receiptsOf(lines: string[], into: Map<string, string>) {
  for (const line of lines) {
    const r = JSON.parse(line) as { voterId?: string; receipt?: string };
    if (r.voterId && r.receipt) into.set(r.voterId, r.receipt);
  }
}

describe("no system column or position pairs a participation with a ballot", () => {
  it("after sequential casts and replacements: groups of at least nine while voting, one shuffled group after close", async () => {
    const e = await makeElection("voting");
    const cands = await Promise.all(Array.from({ length: 4 }, () => makeCandidate(e.id)));
    const pairs: { voterId: string; receipt: string }[] = [];
    await withClient(OWNER_URL, async (db) => {
      for (let i = 0; i < 23; i++) {
        const voter = await makeVoter(e.id);
        const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[cands[i % 4].id]] });
        pairs.push({ voterId: voter.id, receipt });
        expectHiddenWhileVoting(await linkage(db, e.id));
      }
      // Replacements remove ballots from their groups; a group must never be worn down.
      for (const k of [0, 1, 2, 3, 4, 5, 6, 7, 9, 10]) {
        const voter = await prisma.user.findUniqueOrThrow({ where: { id: pairs[k].voterId } });
        const actor = { id: voter.id, name: voter.name, email: voter.email, githubLogin: voter.githubLogin, isAdmin: false };
        pairs[k].receipt = (await replaceBallot(actor, { electionId: e.id, receipt: pairs[k].receipt, ranking: [] })).receipt;
        expectHiddenWhileVoting(await linkage(db, e.id));
      }
      const during = await linkage(db, e.id);
      expect(during.ballots).toBeGreaterThanOrEqual(MIN_GROUP);
      await closeVoting(await makeOfficial(e.id), { electionId: e.id });
      const entries = new Map((await prisma.participation.findMany({ where: { electionId: e.id } })).map((p) => [p.userId, p.entryId]));
      await expectUnlinkedAfterClose(
        db,
        e.id,
        pairs.map((p) => ({ entryId: entries.get(p.voterId)!, hash: receiptHash(entries.get(p.voterId)!, p.receipt) })),
      );
    });
  });

  it("after casting processes are killed mid-flight: still hidden, a failed flush is retried, and nothing is lost", async () => {
    const setup = JSON.parse((await runWorker(["setup", "36"], process.env.DATABASE_URL!))[0]) as WorkerSetup;
    const receipts = new Map<string, string>();
    await withClient(OWNER_URL, async (db) => {
      for (let round = 0; round < 4; round++) {
        const w = worker(["cast", setup.electionId, ...setup.voters.slice(round * 9, round * 9 + 9)], process.env.DATABASE_URL!);
        // Let it get going (start-up takes a moment), then kill it without warning.
        while (w.lines.length < 1 + round && w.child.exitCode === null) await new Promise((r) => setTimeout(r, 25));
        await new Promise((r) => setTimeout(r, 40 * round));
        w.child.kill("SIGKILL");
        await w.done;
        receiptsOf(w.lines, receipts);
        expectHiddenWhileVoting(await linkage(db, setup.electionId));
      }
      // Every voter again: those whose ballot committed get the same receipt back (same submission).
      receiptsOf(await runWorker(["cast", setup.electionId, ...setup.voters], process.env.DATABASE_URL!), receipts);
      expectHiddenWhileVoting(await linkage(db, setup.electionId));
      // Flushes that died with their process were retried by later ballots.
      const [{ n: pending }] = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "PendingBallot" WHERE "electionId" = $1`, [setup.electionId])).rows;
      expect(Number(pending)).toBeLessThan(MIN_GROUP);
      await runWorker(["close", setup.electionId, setup.officialId], process.env.DATABASE_URL!);
      const pairs = await expectEveryBallotCounted(db, setup, receipts);
      await expectUnlinkedAfterClose(db, setup.electionId, pairs);
    });
  }, 180_000); // child processes and a PostgreSQL restart: slow on a loaded 2-core machine

  it("across a database restart in the middle of casting", async () => {
    const port = Number(process.env.TEST_PG_PORT ?? 54329) + 7;
    const dir = path.join(ROOT, `.data/test-pg-restart-${port}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    let server = await startEmbeddedPostgres({ dir, port, database: "restart" });
    try {
      await migrateDeploy(server.url);
      const setup = JSON.parse((await runWorker(["setup", "27"], server.url))[0]) as WorkerSetup;
      const receipts = new Map<string, string>();
      const w = worker(["cast", setup.electionId, ...setup.voters], server.url);
      while (w.lines.length < 10 && w.child.exitCode === null) await new Promise((r) => setTimeout(r, 25));
      await server.stop();
      server = await startEmbeddedPostgres({ dir, port, database: "restart" });
      expect(await w.done).toBe(0);
      receiptsOf(w.lines, receipts);
      await withClient(server.url, async (db) => {
        expectHiddenWhileVoting(await linkage(db, setup.electionId));
        await runWorker(["close", setup.electionId, setup.officialId], server.url);
        const pairs = await expectEveryBallotCounted(db, setup, receipts);
        await expectUnlinkedAfterClose(db, setup.electionId, pairs);
      });
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
