import { ScrollTable } from "./ScrollTable";

export interface HeatmapCandidate {
  id: string;
  name: string;
}

interface Props {
  candidates: HeatmapCandidate[];
  /** d[a][b] = voters who ranked a above b. */
  pairwise: Record<string, Record<string, number>>;
  caption?: string;
}

// Win cells are blue, loss cells orange, ties grey; darker means a wider
// margin. Lightness never drops below 62%, so the near-black text keeps a
// contrast well above 4.5:1, and a ▲ ▼ = mark repeats the meaning without color.
function cellStyle(forRow: number, against: number): { background: string; mark: string; word: string } {
  const total = forRow + against;
  if (forRow === against) return { background: "hsl(220 10% 92%)", mark: "=", word: "ties with" };
  const share = total === 0 ? 0 : Math.abs(forRow - against) / total;
  const lightness = 92 - Math.round(share * 30);
  return forRow > against
    ? { background: `hsl(212 85% ${lightness}%)`, mark: "▲", word: "beats" }
    : { background: `hsl(28 90% ${lightness}%)`, mark: "▼", word: "loses to" };
}

/**
 * Head-to-head counts as a table people can read at a glance: one row per
 * candidate, read across to see whom they beat. Real table semantics so a
 * screen reader announces the row and column of every number.
 */
export function PairwiseHeatmap({ candidates, pairwise, caption = "Head-to-head results" }: Props) {
  const get = (a: string, b: string) => pairwise[a]?.[b] ?? 0;
  return (
    <div className="space-y-3">
      {/* The caption is also shown outside the table, so it stays in view while a narrow screen scrolls the table sideways. */}
      <p className="font-semibold text-gray-950" aria-hidden="true">
        {caption}
      </p>
      <ScrollTable label={`${caption} (scrolls sideways)`} testId="pairwise-heatmap-frame">
        <table className="border-collapse text-sm" data-testid="pairwise-heatmap">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <td className="sticky left-0 z-10 bg-white p-2" />
              {candidates.map((c) => (
                <th key={c.id} scope="col" className="max-w-28 border border-gray-400 bg-gray-100 p-2 text-left align-bottom font-semibold text-gray-950">
                  <span className="sr-only">against </span>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {candidates.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="sticky left-0 z-10 border border-gray-400 bg-gray-100 p-2 text-left font-semibold whitespace-nowrap text-gray-950">
                  {row.name}
                </th>
                {candidates.map((col) => {
                  if (row.id === col.id) {
                    return (
                      <td key={col.id} className="border border-gray-400 bg-gray-200 p-2 text-center text-gray-800">
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">same candidate</span>
                      </td>
                    );
                  }
                  const f = get(row.id, col.id);
                  const a = get(col.id, row.id);
                  const s = cellStyle(f, a);
                  return (
                    <td
                      key={col.id}
                      className="border border-gray-400 p-2 text-center font-mono text-gray-950 tabular-nums"
                      style={{ background: s.background }}
                      title={`${row.name} ${s.word} ${col.name}: ${f} to ${a}`}
                    >
                      <span aria-hidden="true">{s.mark} </span>
                      {f}
                      <span className="sr-only">
                        {" "}
                        voters preferred {row.name}; {a} preferred {col.name}: {row.name} {s.word} {col.name}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <ul className="flex flex-wrap gap-4 text-sm text-gray-900" aria-label="Legend">
        <li className="flex items-center gap-2">
          <span className="inline-block rounded border border-gray-500 px-2 font-mono" style={{ background: "hsl(212 85% 70%)" }} aria-hidden="true">
            ▲ n
          </span>
          Row candidate beats the column candidate (n voters preferred the row)
        </li>
        <li className="flex items-center gap-2">
          <span className="inline-block rounded border border-gray-500 px-2 font-mono" style={{ background: "hsl(28 90% 70%)" }} aria-hidden="true">
            ▼ n
          </span>
          Row candidate loses to the column candidate
        </li>
        <li className="flex items-center gap-2">
          <span className="inline-block rounded border border-gray-500 px-2 font-mono" style={{ background: "hsl(220 10% 92%)" }} aria-hidden="true">
            = n
          </span>
          Tie
        </li>
        <li>Darker color = wider margin.</li>
      </ul>
    </div>
  );
}
