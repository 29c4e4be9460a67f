import { prisma } from "@/lib/db/client";
import { LockedNote } from "@/components/forms/ReadOnly";
import { ManageShell } from "@/components/manage/ManageShell";
import { CandidacyReview } from "@/components/manage/CandidacyReview";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { reviewLockReason } from "@/lib/elections/lifecycle-rules";

export const generateMetadata = manageMetadata("step 4 of 9");

const NOT_OFFICIAL = "Only this election's officials can change this.";

/** Declarations waiting for a decision first, then the decided ones, then the withdrawn. */
const ORDER = ["SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN"] as const;
const IN_WORDS: Record<(typeof ORDER)[number], string> = { SUBMITTED: "waiting", ACCEPTED: "accepted", REJECTED: "rejected", WITHDRAWN: "withdrawn" };

export default async function NominationsPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "nominations");
  if (!m.ok) return m.forbidden;
  const { election, official, now } = m;
  const reviewLocked = official ? reviewLockReason(election, now) : NOT_OFFICIAL;
  const found = await prisma.candidacy.findMany({ where: { electionId: election.id }, orderBy: { createdAt: "asc" } });
  const candidacies = ORDER.flatMap((status) => found.filter((c) => c.status === status));
  const counts = ORDER.map((status) => [status, found.filter((c) => c.status === status).length] as const).filter(([status, n]) => n > 0 || status === "SUBMITTED");
  return (
    <ManageShell m={m} current="nominations" heading={`Candidacies (${candidacies.length})`}>
      {reviewLocked && candidacies.length > 0 && <LockedNote>{reviewLocked}</LockedNote>}
      {candidacies.length === 0 ? (
        <p className="mt-2 text-gray-800">No declarations yet.</p>
      ) : (
        <>
          <p className="mt-2 font-medium text-gray-900" data-testid="candidacy-counts">
            {counts.map(([status, n]) => `${n} ${IN_WORDS[status]}`).join(", ")}
            {counts[0][1] > 0 && !reviewLocked ? ". Those waiting for review come first." : "."}
          </p>
          <ul className="mt-3 space-y-3">
            {candidacies.map((c) => (
              <CandidacyReview key={c.id} c={c} base={m.base} reviewLocked={reviewLocked} />
            ))}
          </ul>
        </>
      )}
    </ManageShell>
  );
}
