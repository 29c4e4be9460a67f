// `npm run bench:audit` — how long the audit verifier (run at `npm start` and on
// every view of an official's dashboard) takes on a long log.
// A benchmark, not a test: it prints numbers and exits 0 unless it could not run.
// Embedded PostgreSQL in .data/bench-audit-pg on BENCH_PG_PORT (54610); writes
// BENCH_ENTRIES (default 100000) correctly chained entries in bulk as the owner,
// then times verifyAuditChain over the whole log, three times.
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { startEmbeddedPostgres } from "../scripts/embedded-db";
import { migrateDeploy } from "../scripts/migrate-deploy";

process.env.AUDIT_SECRET ??= "bench-audit-secret-0123456789abcdef0123";
const ROOT = path.resolve(import.meta.dirname, "..");
const N = Number(process.env.BENCH_ENTRIES ?? 100_000);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54610);

const db = await startEmbeddedPostgres({ dir: path.join(ROOT, ".data/bench-audit-pg"), port: PG_PORT, database: "postgres" });
try {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS "bench_audit" WITH (FORCE)');
  await admin.query('CREATE DATABASE "bench_audit"');
  await admin.end();
  const url = db.url.replace(/\/postgres$/, "/bench_audit");
  await migrateDeploy(url);
  const { auditEntryHash, GENESIS_HASH } = await import("../lib/audit/append-audit-entry");
  const { verifyAuditChain } = await import("../lib/audit/verify-audit-chain");
  const { PrismaClient } = await import("../lib/generated/prisma/client");

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let prevHash = GENESIS_HASH;
  const t0 = performance.now();
  for (let start = 1; start <= N; start += 5000) {
    const rows: unknown[][] = [];
    for (let seq = start; seq < Math.min(start + 5000, N + 1); seq++) {
      const e = { seq, prevHash, electionId: null, actorId: "bench", actorLabel: "bench", action: "bench.entry", details: { n: seq, note: "x".repeat(40) }, createdAt: new Date() };
      const hash = auditEntryHash(e);
      rows.push([seq, e.actorId, e.actorLabel, e.action, JSON.stringify(e.details), e.createdAt, prevHash, hash]);
      prevHash = hash;
    }
    const values = rows.map((_, i) => `(${Array.from({ length: 8 }, (_, j) => `$${i * 8 + j + 1}`).join(",")})`).join(",");
    await c.query(`INSERT INTO "AuditEntry" (seq, "actorId", "actorLabel", action, details, "createdAt", "prevHash", hash) VALUES ${values}`, rows.flat());
  }
  await c.end();
  console.log(`wrote ${N} chained entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  for (let run = 1; run <= 3; run++) {
    const t = performance.now();
    const r = await verifyAuditChain(prisma);
    const ms = performance.now() - t;
    console.log(`verify run ${run}: ok=${r.ok} entries=${r.entries} in ${(ms / 1000).toFixed(2)} s (${Math.round(r.entries / (ms / 1000))} entries/s)`);
  }
  await prisma.$disconnect();
} finally {
  await db.stop();
}
