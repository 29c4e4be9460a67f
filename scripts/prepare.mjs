// Runs on `npm ci`: generates the Prisma client and bundles the tally CLI, so a
// fresh clone is ready for `npm start`, `npm test` and `npx hustings`.
import { execFileSync } from "node:child_process";

// The Rust-free Prisma CLI only needs a parsable URL to generate; without one it
// falls back to downloading a native engine, which this network forbids.
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://localhost:5432/unused" };
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { env, stdio: ["ignore", "ignore", "inherit"] });
execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
