import type { NameOf, Tiers } from "./types";

/** A ranking in words, best first: "Rank 1: A = B (tied)". */
export function RankingList({ tiers, name, caption, testId }: { tiers: Tiers; name: NameOf; caption: string; testId: string }) {
  return (
    <figure>
      <figcaption className="font-semibold">{caption}</figcaption>
      <ol className="mt-2 list-none space-y-1" data-testid={testId}>
        {tiers.map((t, i) => (
          <li key={i}>
            <span className="font-semibold">Rank {i + 1}:</span> {t.map(name).join(" = ")}
            {t.length > 1 && <span className="text-gray-800"> (tied)</span>}
          </li>
        ))}
      </ol>
    </figure>
  );
}
