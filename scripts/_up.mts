import { startEmbeddedPostgres } from "./embedded-db.ts";
const db = await startEmbeddedPostgres({ dir: ".data/try", port: 54399, database: "hustings_mig" });
console.log(db.url);
process.on("SIGTERM", async () => { await db.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
