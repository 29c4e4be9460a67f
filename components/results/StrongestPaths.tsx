import type { HeatmapCandidate } from "./PairwiseHeatmap";
import { ScrollTable } from "./ScrollTable";

/** Schulze's strongest-path strengths, row to column; the row names stay in view while the table scrolls. */
export function StrongestPaths({ candidates, paths }: { candidates: HeatmapCandidate[]; paths: Record<string, Record<string, number>> }) {
  return (
    <ScrollTable label="Strongest paths table (scrolls sideways)" testId="strongest-paths-frame">
      <table className="border-collapse text-sm" data-testid="strongest-paths">
        <caption className="sr-only">Strongest path strengths, row candidate to column candidate</caption>
        <thead>
          <tr>
            <td className="sticky left-0 z-10 bg-white" />
            {candidates.map((c) => (
              <th key={c.id} scope="col" className="max-w-28 border border-gray-400 bg-gray-100 p-2 text-left align-bottom">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {candidates.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="sticky left-0 z-10 border border-gray-400 bg-gray-100 p-2 text-left whitespace-nowrap">
                {a.name}
              </th>
              {candidates.map((b) => {
                const p = paths[a.id]?.[b.id] ?? 0;
                const back = paths[b.id]?.[a.id] ?? 0;
                const stronger = a.id !== b.id && p > back;
                return (
                  <td key={b.id} className={`border border-gray-400 p-2 text-center tabular-nums ${stronger ? "font-bold" : ""}`}>
                    {a.id === b.id ? "—" : p}
                    {stronger && <span className="sr-only"> (stronger than the path back)</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
