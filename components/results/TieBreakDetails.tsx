import type { TieBreak } from "@/lib/tally/types";
import { focusRing } from "@/components/ui";

/** The technical record of one tie-break, one click away from the plain-words sentence. */
export function TieBreakDetails({ tie, ballotHash, name }: { tie: TieBreak; ballotHash: string; name: (id: string) => string }) {
  return (
    <details className="mt-2 rounded-md border border-gray-300 bg-gray-50 p-2 text-sm" data-testid="tie-break-details">
      <summary className={`min-h-10 cursor-pointer py-2 font-semibold text-blue-800 ${focusRing}`}>How the tie was broken</summary>
      <div className="mt-2 space-y-2 text-gray-900">
        <p>
          Decided: {tie.decision}. Tied: {tie.among.map(name).join(", ")}. Order the draw gave: {tie.order.map(name).join(" › ")}.
        </p>
        <p>Rule: {tie.rule}.</p>
        <p>
          The draw is seeded by the ballot set hash (SHA-256 of the published ballots), so it cannot be chosen after the ballots are known and anyone
          can repeat it: <code className="break-all">{ballotHash}</code>. Re-counting the downloaded ballots with{" "}
          <code className="rounded bg-gray-100 px-1">npx hustings tally ballots.json</code> gives the same order.
        </p>
      </div>
    </details>
  );
}
