import { prisma } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditVerdict } from "@/lib/audit/audit-verdict";

/**
 * The official's dashboard runs the verifier over the whole chain on each view
 * and says plainly whether the log is whole, with this election's checkpoints
 * (the heads recorded on its result) to compare with copies kept elsewhere.
 */
export async function AuditVerdict({ electionId }: { electionId: string }) {
  const [report, result] = await Promise.all([
    verifyAuditChain(prisma),
    prisma.result.findUnique({
      where: { electionId },
      select: { talliedAuditSeq: true, talliedAuditHash: true, publishedAuditSeq: true, publishedAuditHash: true },
    }),
  ]);
  const checkpoints = [
    { label: "At the tally", seq: result?.talliedAuditSeq, hash: result?.talliedAuditHash, id: "audit-checkpoint-tallied" },
    { label: "At publication", seq: result?.publishedAuditSeq, hash: result?.publishedAuditHash, id: "audit-checkpoint-published" },
  ].filter((c) => c.seq != null && c.hash != null);
  return (
    <div className="mt-2">
      <p
        role={report.ok ? undefined : "alert"}
        data-testid="audit-verdict"
        className={`break-all rounded border p-2 text-sm ${report.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 font-semibold text-red-900"}`}
      >
        {auditVerdict(report)}
      </p>
      {checkpoints.length > 0 && (
        <dl className="mt-2 space-y-1 text-sm">
          {checkpoints.map((c) => (
            <div key={c.id}>
              <dt className="inline font-semibold">{c.label}, the chain&apos;s head was entry #{c.seq}: </dt>
              <dd className="inline">
                <code className="break-all" data-testid={c.id}>
                  {c.hash}
                </code>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
