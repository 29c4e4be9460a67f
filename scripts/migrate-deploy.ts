// `prisma migrate deploy`, the way production applies migrations. The
// Rust-free CLI lingers about 10 s after finishing (an engine timer), so we
// end it as soon as it reports success instead of waiting that out on every start.
import { spawn } from "node:child_process";
import path from "node:path";

// The Prisma CLI finds prisma.config.ts (and through it the schema and the
// migrations) in its working directory, so it runs from the repository root
// whatever folder the caller (`npx hustings import`) was started in.
const ROOT = path.resolve(import.meta.dirname, "..");

const DONE = /successfully applied|No pending migrations/;

export function migrateDeploy(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let succeeded = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!succeeded && DONE.test(output)) {
        succeeded = true;
        child.kill("SIGTERM");
        resolve();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (succeeded) return;
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
    });
  });
}
