import Link from "next/link";
import { ActionForm } from "@/components/forms/ActionForm";
import { AuditVerdict } from "@/components/audit/AuditVerdict";
import { ManageShell } from "@/components/manage/ManageShell";
import { btn, h3, hint, link } from "@/components/ui";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { publishAction, tallyAction } from "../actions";

export const generateMetadata = manageMetadata("steps 7 to 9 of 9");

export default async function TallyPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "tally");
  if (!m.ok) return m.forbidden;
  const { election, official, steps } = m;
  const step = (key: string) => steps.find((s) => s.key === key);
  const counted = ["TALLIED", "PUBLISHED"].includes(election.state);
  return (
    <ManageShell m={m} current="tally" heading="Tally, review and publish">
      <section aria-labelledby="tally-h" className="mt-4">
        <h3 id="tally-h" className={h3}>
          Tally
        </h3>
        <p className={hint}>{step("tally")?.missing.join(" ") || step("tally")?.detail}</p>
        {/* A box that does not add up cannot be counted: the step says why instead of offering a button the server would refuse. */}
        {official && election.state === "CLOSED" && step("tally")?.status !== "blocked" && (
          <div className="mt-3">
            <ActionForm action={tallyAction.bind(null, election.id, m.base)} submitLabel="Tally" />
          </div>
        )}
      </section>
      <section aria-labelledby="review-h" className="mt-6">
        <h3 id="review-h" className={h3}>
          Review the result
        </h3>
        <p className={hint}>{step("review")?.missing.join(" ") || step("review")?.detail || "The result is public."}</p>
        {counted && (
          <p className="mt-3">
            <Link href={`${m.base}/results`} className={btn}>
              {election.state === "PUBLISHED" ? "View the published results" : "Review the result"}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="publish-h" className="mt-6">
        <h3 id="publish-h" className={h3}>
          Publish
        </h3>
        <p className={hint}>{step("publish")?.missing.join(" ") || step("publish")?.detail}</p>
        {official && election.state === "TALLIED" && (
          <div className="mt-3">
            <ActionForm action={publishAction.bind(null, election.id, m.base)} submitLabel="Publish results" confirm="Publish the results to everyone?" />
          </div>
        )}
        {counted && <AuditVerdict electionId={election.id} />}
      </section>
      {["CLOSED", "TALLIED", "PUBLISHED"].includes(election.state) && (
        <p className="mt-6">
          Export ballots:{" "}
          {(["json", "csv", "blt"] as const).map((format, i) => (
            <span key={format}>
              {i > 0 && " · "}
              <a href={`${m.base}/export?format=${format}`} className={`${link} inline-flex min-h-10 items-center`} download>
                {format.toUpperCase()}
              </a>
            </span>
          ))}
        </p>
      )}
    </ManageShell>
  );
}
