import type { TallyResult } from "@/lib/tally/types";
import { h2, td, th } from "@/components/ui";
import { ScrollTable } from "./ScrollTable";

/** The stages of an STV / IRV count. */
export function RoundsTable({ rounds, order }: { rounds: NonNullable<TallyResult["rounds"]>; order: { id: string; name: string }[] }) {
  const name = (id: string) => order.find((c) => c.id === id)?.name ?? id;
  return (
    <section aria-labelledby="rounds-h">
      <h2 id="rounds-h" className={h2}>
        Counting rounds
      </h2>
      <div className="mt-3">
        <ScrollTable label="Counting rounds (scrolls sideways)">
          <table className="border-collapse text-sm" data-testid="rounds">
            <caption className="sr-only">Votes per candidate at each stage of the count</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 z-10 border border-gray-400 bg-gray-100 p-2">
                  Stage
                </th>
                <th scope="col" className={th}>
                  Action
                </th>
                {order.map((c) => (
                  <th key={c.id} scope="col" className="border border-gray-400 bg-gray-100 p-2">
                    {c.name}
                  </th>
                ))}
                <th scope="col" className="border border-gray-400 bg-gray-100 p-2">
                  Exhausted
                </th>
                <th scope="col" className={th}>
                  Elected / excluded
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((rd) => (
                <tr key={rd.stage}>
                  <th scope="row" className="sticky left-0 z-10 border border-gray-400 bg-gray-100 p-2">
                    {rd.stage}
                  </th>
                  <td className={td}>{rd.action}</td>
                  {order.map((c) => (
                    <td key={c.id} className="border border-gray-400 p-2 text-right tabular-nums">
                      {rd.votes[c.id] ?? ""}
                    </td>
                  ))}
                  <td className="border border-gray-400 p-2 text-right tabular-nums">{rd.exhausted}</td>
                  <td className={td}>
                    {rd.elected.length > 0 && <>Elected: {rd.elected.map(name).join(", ")}. </>}
                    {rd.excluded.length > 0 && <>Excluded: {rd.excluded.map(name).join(", ")}.</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
      {rounds[0]?.quota !== undefined && <p className="mt-2 text-sm text-gray-800">Quota: {rounds[0].quota}</p>}
    </section>
  );
}
