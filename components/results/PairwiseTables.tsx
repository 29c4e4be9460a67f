import type { TallyResult } from "@/lib/tally/types";
import { h2 } from "@/components/ui";
import { PairwiseHeatmap, type HeatmapCandidate } from "./PairwiseHeatmap";
import { StrongestPaths } from "./StrongestPaths";

/** Head-to-head counts and, for Schulze, the strongest paths; sections only when the method produced them. */
export function PairwiseTables({ r, ordered }: { r: TallyResult; ordered: HeatmapCandidate[] }) {
  return (
    <>
      {Object.keys(r.pairwise).length > 0 && (
        <section aria-labelledby="pairwise-h">
          <h2 id="pairwise-h" className={h2}>
            Head to head
          </h2>
          <p className="mt-2 text-gray-800">Each number is how many voters ranked the row&apos;s candidate above the column&apos;s candidate.</p>
          <div className="mt-3">
            <PairwiseHeatmap candidates={ordered} pairwise={r.pairwise} caption="Voters preferring the row candidate over the column candidate" />
          </div>
        </section>
      )}

      {r.strongestPaths && (
        <section aria-labelledby="paths-h">
          <h2 id="paths-h" className={h2}>
            Strongest paths
          </h2>
          <p className="mt-2 text-gray-800">
            The strength of the strongest chain of head-to-head wins from the row candidate to the column candidate. A candidate ranks above another
            when their path to them is stronger than the path back.
          </p>
          <div className="mt-3">
            <StrongestPaths candidates={ordered} paths={r.strongestPaths} />
          </div>
          <p className="mt-2 text-sm text-gray-800">Bold: the path is stronger than the path back.</p>
        </section>
      )}
    </>
  );
}
