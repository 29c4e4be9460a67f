import { affiliationInWords } from "@/components/election-text";
import type { Candidate } from "@/lib/tally/types";

/** The elected, in the order they took their seats, each with their affiliation in words. */
export function WinnersList({ winners, candidates }: { winners: string[]; candidates: Candidate[] }) {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return (
    <ol className="mt-3 list-decimal space-y-1 pl-6 text-lg" data-testid="winners">
      {winners.map((id) => (
        <li key={id}>
          <strong>{byId.get(id)?.name || id}</strong> <span className="text-base text-gray-800">({affiliationInWords(byId.get(id)?.affiliation)})</span>
        </li>
      ))}
    </ol>
  );
}
