import { prisma } from "@/lib/db/client";
import { AuditVerdict } from "@/components/audit/AuditVerdict";
import { ManageShell } from "@/components/manage/ManageShell";
import { AuditTable } from "@/components/manage/AuditTable";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";

export const generateMetadata = manageMetadata("audit");

export default async function AuditPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "audit");
  if (!m.ok) return m.forbidden;
  const id = m.election.id;
  const [audit, globalHead] = await Promise.all([
    prisma.auditEntry.findMany({ where: { electionId: id }, orderBy: { seq: "desc" }, take: 200 }),
    prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } }),
  ]);
  return (
    <ManageShell m={m} current="audit" heading="Audit log">
      <AuditVerdict electionId={id} />
      {globalHead && (
        <p className="mt-2 text-sm">
          Head of the whole chain (entry #{globalHead.seq}): <code className="break-all" data-testid="audit-global-head">{globalHead.hash}</code>
        </p>
      )}
      <AuditTable audit={audit} />
    </ManageShell>
  );
}
