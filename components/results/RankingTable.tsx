import type { TallyResult } from "@/lib/tally/types";
import { affiliationInWords } from "@/components/election-text";
import { h2, td, th } from "@/components/ui";
import { ScrollTable } from "./ScrollTable";

/** Every candidate, best first, with what became of them. */
export function RankingTable({ r }: { r: TallyResult }) {
  const byId = new Map(r.candidates.map((c) => [c.id, c]));
  let place = 1;
  const rows = r.ranking.map((tier) => {
    const at = place;
    place += tier.length;
    return { at, tier };
  });
  return (
    <section aria-labelledby="ranking-h">
      <h2 id="ranking-h" className={h2}>
        Full ranking
      </h2>
      <div className="mt-3">
        <ScrollTable label="Full ranking (scrolls sideways)">
          <table className="border-collapse text-sm" data-testid="full-ranking">
            <caption className="sr-only">Every candidate, best first; candidates sharing a place are tied.</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Place
                </th>
                <th scope="col" className={th}>
                  Candidate
                </th>
                <th scope="col" className={th}>
                  Affiliation
                </th>
                <th scope="col" className={th}>
                  Outcome
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap(({ at, tier }) =>
                tier.map((id) => (
                  <tr key={id}>
                    <td className={td}>
                      {at}
                      {tier.length > 1 && " (tie)"}
                    </td>
                    <td className="border border-gray-400 p-2 font-semibold">{byId.get(id)?.name || id}</td>
                    <td className={td}>{affiliationInWords(byId.get(id)?.affiliation)}</td>
                    <td className={td}>
                      {r.winners.includes(id) ? "Elected" : r.skippedForCap.some((s) => s.candidate === id) ? "Skipped for the affiliation cap" : "—"}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </section>
  );
}
