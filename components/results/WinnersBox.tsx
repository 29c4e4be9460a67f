import type { TallyResult } from "@/lib/tally/types";
import { capInWords, methodInWords, unrankedRuleInWords } from "@/components/election-text";
import { explainResult } from "./explain-result";
import { TieBreakDetails } from "./TieBreakDetails";
import { WinnersList } from "./WinnersList";

/**
 * Who was elected, and beside them, in plain words, anything that decided a
 * seat other than the votes alone: the affiliation cap and a tie at the seat
 * line (its technical record one click away).
 */
export function WinnersBox({ r }: { r: TallyResult }) {
  const words = explainResult(r);
  const names = new Map(r.candidates.map((c) => [c.id, c.name || c.id]));
  const name = (id: string) => names.get(id) ?? id;
  return (
    <section aria-labelledby="winners-h" className="rounded-lg border-2 border-green-800 bg-white p-4 shadow-sm" data-testid="winners-box">
      <h2 id="winners-h" className="text-xl font-bold text-gray-950">
        Elected ({r.winners.length} of {r.seats} seat{r.seats === 1 ? "" : "s"})
      </h2>
      <WinnersList winners={r.winners} candidates={r.candidates} />
      {words.capSkips.length > 0 && (
        <div className="mt-4">
          <h3 className="font-semibold text-gray-950">Not elected because of the affiliation cap</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="cap-skips-explained">
            {words.capSkips.map((s) => (
              <li key={s.candidate}>{s.text}</li>
            ))}
          </ul>
        </div>
      )}
      {words.seatLineTies.map((t, i) => (
        <div key={i} className="mt-4" data-testid="seat-line-tie">
          <h3 className="font-semibold text-gray-950">A tie decided a seat</h3>
          <p className="mt-1">{t.text}</p>
          <TieBreakDetails tie={t.tieBreak} ballotHash={r.ballotHash} name={name} />
        </div>
      ))}
      <p className="mt-4 text-sm text-gray-800">
        Method: {methodInWords(r.method, r.strength)}. {unrankedRuleInWords(r.unranked, r.method)} {capInWords(r.maxPerAffiliation)}
      </p>
    </section>
  );
}
