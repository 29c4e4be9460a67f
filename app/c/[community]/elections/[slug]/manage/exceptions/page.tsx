import { prisma } from "@/lib/db/client";
import { LockedNote } from "@/components/forms/ReadOnly";
import { ManageShell } from "@/components/manage/ManageShell";
import { ExceptionDecision } from "@/components/manage/ExceptionDecision";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { exceptionDecisionLockReason } from "@/lib/elections/lifecycle-rules";

export const generateMetadata = manageMetadata("step 5 of 9");

const NOT_OFFICIAL = "Only this election's officials can change this.";

export default async function ExceptionsPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "exceptions");
  if (!m.ok) return m.forbidden;
  const { election, official } = m;
  const locked = official ? exceptionDecisionLockReason(election) : NOT_OFFICIAL;
  const requests = await prisma.exceptionRequest.findMany({
    where: { electionId: election.id },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { name: true, email: true, githubLogin: true } } },
  });
  return (
    <ManageShell m={m} current="exceptions" heading={`Exception requests (${requests.length})`}>
      {locked && requests.some((x) => x.status === "PENDING") && <LockedNote>{locked}</LockedNote>}
      {requests.length === 0 ? (
        <p className="mt-2 text-gray-800">No requests.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {requests.map((x) => (
            <ExceptionDecision key={x.id} x={x} base={m.base} exceptionsLocked={locked} />
          ))}
        </ul>
      )}
    </ManageShell>
  );
}
