// `npm run seed`: the demo elections into the database DATABASE_URL names, if
// it is empty (then marked as a demo database). `npm start` does this by itself in demo mode; this
// is for a server you run yourself.
import dotenv from "dotenv";
import { EnvError, loadEnv } from "../lib/config/env";

dotenv.config({ quiet: true });

try {
  if (!loadEnv().databaseUrl) throw new EnvError([{ variable: "DATABASE_URL", message: "is required to seed (npm start seeds its embedded database itself)" }]);
  // The seed's audit entries must chain under the key the app verifies with.
  if (!process.env.AUDIT_SECRET?.trim()) throw new EnvError([{ variable: "AUDIT_SECRET", message: "is required to seed: the key the app's audit log is chained under" }]);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
const { prisma } = await import("../lib/db/client");
const { seedDemo } = await import("../lib/demo/seed-demo");
try {
  const { seeded } = await seedDemo(prisma);
  console.log(seeded ? "Seeded the demo elections." : "The database is not empty; nothing seeded (the demo seed only goes into an empty database).");
} finally {
  await prisma.$disconnect();
}
