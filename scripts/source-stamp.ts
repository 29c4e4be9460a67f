// Decides whether `npm start` must run `next build`: a fingerprint of every
// file the production build reads, plus the few variables baked into it. A
// second start with nothing changed then skips the build entirely.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
const ROOT_FILES = ["next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json", "proxy.ts", "middleware.ts", "instrumentation.ts"];
// Generated from prisma/schema.prisma, which is fingerprinted itself; tests are not built.
const SKIP = [/(^|\/)node_modules\//, /^lib\/generated\//, /\.test\.tsx?$/, /(^|\/)\./];

// Read by next.config.ts or rendered into static pages at build time.
const BUILD_VARIABLES = ["HUSTINGS_DEMO", "GITHUB_ID", "OIDC_ISSUER"];

const STAMP_FILE = path.join(".next", "hustings-sources.json");

/** Per-input digests: files by path, variables as `$NAME`. */
export type Sources = Record<string, string>;

function listFiles(root: string, dir: string, out: string[]): void {
  const full = path.join(root, dir);
  if (!existsSync(full)) return;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (SKIP.some((re) => re.test(rel))) continue;
    if (entry.isDirectory()) listFiles(root, rel, out);
    else if (entry.isFile()) out.push(rel);
  }
}

const digest = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export function readSources(root: string, env: Record<string, string | undefined>): Sources {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) listFiles(root, dir, files);
  for (const f of ROOT_FILES) if (existsSync(path.join(root, f)) && statSync(path.join(root, f)).isFile()) files.push(f);
  const sources: Sources = {};
  for (const f of files.sort()) sources[f] = digest(readFileSync(path.join(root, f)));
  const variables = [...BUILD_VARIABLES, ...Object.keys(env).filter((k) => k.startsWith("NEXT_PUBLIC_")).sort()];
  for (const v of variables) sources[`$${v}`] = digest(env[v] ?? "");
  return sources;
}

/**
 * What changed since the last successful build: [] when .next is current, or
 * the changed inputs (["(no build yet)"] when there is none) for the log line.
 */
export function changedSince(root: string, sources: Sources): string[] {
  const stamp = path.join(root, STAMP_FILE);
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stamp)) return ["(no build yet)"];
  let built: Sources;
  try {
    built = JSON.parse(readFileSync(stamp, "utf8")) as Sources;
  } catch {
    return ["(unreadable build stamp)"];
  }
  const keys = new Set([...Object.keys(built), ...Object.keys(sources)]);
  return [...keys].filter((k) => built[k] !== sources[k]).sort();
}

/** Written only after a build succeeded, so a failed or interrupted build is redone. */
export function recordBuild(root: string, sources: Sources): void {
  writeFileSync(path.join(root, STAMP_FILE), JSON.stringify(sources));
}
