import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { ConflictError } from "@/lib/errors";
import { castBallot } from "./cast-ballot";
import { replaceBallot } from "./replace-ballot";
import { closeVoting } from "@/lib/elections/close-voting";
import { makeCandidate, makeElection, makeOfficial, makeVoter } from "@/test/helpers/factories";

afterAll(() => closeRateLimitStore());

describe("ballot secrecy (PRODUCT §6)", () => {
  it("Ballot has no column that could link it to a voter or to a time", async () => {
    const cols = await prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Ballot'`;
    expect(cols.map((c) => c.column_name).sort()).toEqual(["electionId", "id", "ranking", "receiptHash"]);
    const participation = await prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Participation'`;
    expect(participation.map((c) => c.column_name).sort()).toEqual(["electionId", "entryId", "userId"]);
    const fks = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = 'Ballot' AND ccu.table_name <> 'Election'`;
    expect(Number(fks[0].n)).toBe(0);
  });

  it("stores no receipt code in plain text in any column of any table, nor in the audit log", async () => {
    const e = await makeElection("voting");
    const c = await makeCandidate(e.id);
    const voter = await makeVoter(e.id);
    const first = await castBallot(voter, { electionId: e.id, ranking: [[c.id]] });
    const second = await replaceBallot(voter, { electionId: e.id, receipt: first.receipt, ranking: [] });
    const cols = await prisma.$queryRaw<{ table_schema: string; table_name: string; column_name: string }[]>`
      SELECT table_schema, table_name, column_name FROM information_schema.columns
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'character')`;
    expect(cols.length).toBeGreaterThan(10);
    for (const code of [first.receipt, second.receipt]) {
      const needles = [code, code.replace(/-/g, "")];
      for (const { table_schema, table_name, column_name } of cols) {
        for (const needle of needles) {
          const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
            `SELECT count(*) AS n FROM "${table_schema}"."${table_name}" WHERE "${column_name}"::text ILIKE $1`,
            `%${needle}%`,
          );
          expect(Number(rows[0].n), `${table_name}.${column_name}`).toBe(0);
        }
      }
    }
  });

  it("ballot ids are random UUIDs, not a sequence", async () => {
    const e = await makeElection("voting");
    const c = await makeCandidate(e.id);
    for (let i = 0; i < 3; i++) await castBallot(await makeVoter(e.id), { electionId: e.id, ranking: [[c.id]] });
    await closeVoting(await makeOfficial(e.id), { electionId: e.id });
    const ids = (await prisma.ballot.findMany({ where: { electionId: e.id } })).map((b) => b.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("one voter, one ballot, under concurrency", () => {
  it("10 simultaneous first ballots by one voter: exactly one succeeds", async () => {
    const e = await makeElection("voting");
    const c = await makeCandidate(e.id);
    const voter = await makeVoter(e.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => castBallot(voter, { electionId: e.id, ranking: [[c.id]] })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.participation.count({ where: { electionId: e.id } })).toBe(1);
    await closeVoting(await makeOfficial(e.id), { electionId: e.id });
    expect(await prisma.ballot.count({ where: { electionId: e.id } })).toBe(1);
  });

  it("50 different voters at once: 50 ballots, 50 participations", async () => {
    const e = await makeElection("voting");
    const c = await makeCandidate(e.id);
    const voters = await Promise.all(Array.from({ length: 50 }, () => makeVoter(e.id)));
    const results = await Promise.allSettled(voters.map((v) => castBallot(v, { electionId: e.id, ranking: [[c.id]] })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await prisma.participation.count({ where: { electionId: e.id } })).toBe(50);
    await closeVoting(await makeOfficial(e.id), { electionId: e.id });
    expect(await prisma.ballot.count({ where: { electionId: e.id } })).toBe(50);
  });
});
