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
    orderBy: [{ createdAt: "asc" }, { attempt: "asc" }],
    include: { user: { select: { name: true, email: true, githubLogin: true } } },
  });
  // One card per member: their latest request, with the earlier ones under it; waiting ones first.
  const byMember = new Map<string, typeof requests>();
  for (const r of requests) byMember.set(r.userId, [...(byMember.get(r.userId) ?? []), r]);
  const members = [...byMember.values()]
    .map((list) => {
      const sorted = [...list].sort((a, b) => a.attempt - b.attempt);
      return { latest: sorted[sorted.length - 1], earlier: sorted.slice(0, -1).reverse() };
    })
    .sort((a, b) => Number(b.latest.status === "PENDING") - Number(a.latest.status === "PENDING") || a.latest.createdAt.getTime() - b.latest.createdAt.getTime());
  const waiting = members.filter((x) => x.latest.status === "PENDING").length;
  return (
    <ManageShell m={m} current="exceptions" heading={`Exception requests (${requests.length})`}>
      {locked && waiting > 0 && <LockedNote>{locked}</LockedNote>}
      {members.length === 0 ? (
        <p className="mt-2 text-gray-800">No requests.</p>
      ) : (
        <>
          <p className="mt-2 font-medium text-gray-900" data-testid="exception-counts">
            {waiting} waiting for a decision, from {members.length} member{members.length === 1 ? "" : "s"}.
          </p>
          <ul className="mt-3 space-y-3">
            {members.map(({ latest, earlier }) => (
              <ExceptionDecision key={latest.id} x={latest} earlier={earlier} base={m.base} exceptionsLocked={locked} />
            ))}
          </ul>
        </>
      )}
    </ManageShell>
  );
}
