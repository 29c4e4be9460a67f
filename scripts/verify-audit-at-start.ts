// `npm start` checks the whole audit chain before serving and logs the verdict.
// It does not refuse to start on a broken chain: the instance must stay up to
// show the verdict on the dashboard and let people investigate.
import { PrismaPg } from "@prisma/adapter-pg";

export async function verifyAuditLogAtStart(appUrl: string, say: (line: string) => void): Promise<void> {
  const { PrismaClient } = await import("../lib/generated/prisma/client");
  const { verifyAuditChain } = await import("../lib/audit/verify-audit-chain");
  const { auditVerdict } = await import("../lib/audit/audit-verdict");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl }) });
  try {
    const t = performance.now();
    const report = await verifyAuditChain(db);
    const line = `${auditVerdict(report)} (checked in ${((performance.now() - t) / 1000).toFixed(1)} s)`;
    if (report.ok) say(line);
    else console.error(`[hustings] WARNING: ${line}`);
  } finally {
    await db.$disconnect();
  }
}
