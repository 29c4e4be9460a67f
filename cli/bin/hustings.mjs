#!/usr/bin/env node
// Launcher for `npx hustings`. `tally` runs a prebuilt bundle (built by `npm ci`
// through the prepare script) so a re-tally starts in milliseconds with no
// TypeScript compilation; the database commands load their TypeScript through tsx.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [command, ...rest] = process.argv.slice(2);

const usage = `usage: hustings <command> [options]

commands:
  tally <file.json|file.csv|file.blt> [--method schulze|ranked-pairs|irv|stv-scottish|stv-meek]
        [--seats N] [--unranked exclude|last] [--strength winning|margins]
        [--max-per-affiliation K] [--format json|text]
  import kata <folder> --community <slug> [--dry-run]
`;

if (!command || command === "--help" || command === "-h" || command === "help") {
  process.stdout.write(usage);
  process.exit(command ? 0 : 2);
}

if (command === "tally") {
  const bundle = join(root, "cli", "dist", "tally.mjs");
  if (!existsSync(bundle)) {
    process.stderr.write("hustings: the CLI bundle is missing; run `npm ci` (or `npm run build:cli`) first\n");
    process.exit(1);
  }
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(rest);
} else if (command === "import") {
  // tsx and the tsconfig (its "@/" paths) are found from this package, not from
  // the folder the command is run in, which is usually elsewhere.
  const r = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), join(root, "cli", "import.ts"), ...rest], {
    stdio: "inherit",
    cwd: process.cwd(),
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, "tsconfig.json") },
  });
  process.exitCode = r.status ?? 1;
} else {
  process.stderr.write(`hustings: unknown command "${command}"\n\n${usage}`);
  process.exitCode = 2;
}
