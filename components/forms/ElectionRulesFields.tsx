import { METHOD_LABELS } from "@/components/election-text";
import { hint, input, label } from "@/components/ui";

export interface ElectionRulesDefaults {
  seats: number;
  method: string;
  unranked: string;
  /** Omit to leave out the field (creating an election has no strength setting; it takes the default). */
  strength?: string;
  maxPerAffiliation: number | null;
}

/**
 * The counting rules of an election (seats, method, unranked rule, defeat
 * strength, affiliation cap), shared by the admin's "create" form and the
 * officials' settings form. Names match the fields the actions parse.
 */
export function ElectionRulesFields({ defaults }: { defaults: ElectionRulesDefaults }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="seats" className={label}>
          Seats
        </label>
        <input id="seats" name="seats" type="number" min={1} required defaultValue={defaults.seats} className={`${input} mt-1`} />
      </div>
      <div>
        <label htmlFor="method" className={label}>
          Counting method
        </label>
        <select id="method" name="method" defaultValue={defaults.method} className={`${input} mt-1`}>
          {Object.entries(METHOD_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="unranked" className={label}>
          Unranked candidates
        </label>
        <select id="unranked" name="unranked" defaultValue={defaults.unranked} className={`${input} mt-1`}>
          <option value="exclude">No opinion (exclude) — CIVS, Elekto</option>
          <option value="last">Below every ranked candidate (last) — Debian</option>
        </select>
      </div>
      {defaults.strength !== undefined && (
        <div>
          <label htmlFor="strength" className={label}>
            Defeat strength (Schulze, Ranked Pairs)
          </label>
          <select id="strength" name="strength" defaultValue={defaults.strength} className={`${input} mt-1`}>
            <option value="winning">Winning votes</option>
            <option value="margins">Margins</option>
          </select>
        </div>
      )}
      <div>
        <label htmlFor="maxPerAffiliation" className={label}>
          Maximum seats per affiliation
        </label>
        <input
          id="maxPerAffiliation"
          name="maxPerAffiliation"
          type="number"
          min={1}
          defaultValue={defaults.maxPerAffiliation ?? ""}
          aria-describedby="cap-hint"
          className={`${input} mt-1`}
        />
        <p id="cap-hint" className={hint}>
          Empty for no cap.
        </p>
      </div>
    </div>
  );
}
