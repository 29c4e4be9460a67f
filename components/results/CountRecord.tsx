import type { TallyResult } from "@/lib/tally/types";
import { affiliationInWords } from "@/components/election-text";
import { card, h2 } from "@/components/ui";

/** The engine's own record of cap skips and tie-breaks, as it stored them (the winners box says the same in plain words). */
export function CountRecord({ r }: { r: TallyResult }) {
  const names = new Map(r.candidates.map((c) => [c.id, c.name || c.id]));
  const name = (id: string) => names.get(id) ?? id;
  return (
    <>
      <section aria-labelledby="cap-h">
        <h2 id="cap-h" className={h2}>
          Affiliation cap
        </h2>
        {r.skippedForCap.length === 0 ? (
          <p className="mt-2 text-gray-800">{r.maxPerAffiliation ? "No candidate was skipped for the affiliation cap." : "This election has no affiliation cap."}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="skipped-for-cap">
            {r.skippedForCap.map((s) => (
              <li key={`${s.candidate}-${s.seat}`}>
                <strong>{name(s.candidate)}</strong> ({affiliationInWords(s.affiliation)}) would have taken seat {s.seat} but was skipped: {s.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ties-h">
        <h2 id="ties-h" className={h2}>
          Tie-breaks
        </h2>
        {r.tieBreaks.length === 0 ? (
          <p className="mt-2 text-gray-800">No tie had to be broken.</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="tie-breaks">
            {r.tieBreaks.map((t, i) => (
              <li key={i} className={card}>
                <p>
                  <strong>{t.decision}:</strong> tie between {t.among.map(name).join(", ")}.
                </p>
                <p>Order chosen: {t.order.map(name).join(" › ")}.</p>
                <p className="text-sm text-gray-800">Rule: {t.rule}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
