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
export function ElectionRulesFields({ defaults, idPrefix = "", namePrefix }: { defaults: ElectionRulesDefaults; idPrefix?: string; namePrefix?: string }) {
  // namePrefix "default" posts defaultSeats, defaultMethod, … (the community's defaults form).
  const name = (n: string) => (namePrefix ? `${namePrefix}${n[0].toUpperCase()}${n.slice(1)}` : n);
  const id = (n: string) => `${idPrefix}${n}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor={id("seats")} className={label}>
          Seats
        </label>
        <input id={id("seats")} name={name("seats")} type="number" min={1} required defaultValue={defaults.seats} className={`${input} mt-1`} />
      </div>
      <div>
        <label htmlFor={id("method")} className={label}>
          Counting method
        </label>
        <select id={id("method")} name={name("method")} defaultValue={defaults.method} className={`${input} mt-1`}>
          {Object.entries(METHOD_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={id("unranked")} className={label}>
          Unranked candidates
        </label>
        <select id={id("unranked")} name={name("unranked")} defaultValue={defaults.unranked} className={`${input} mt-1`}>
          <option value="exclude">No opinion (exclude) — CIVS, Elekto</option>
          <option value="last">Below every ranked candidate (last) — Debian</option>
        </select>
      </div>
      {defaults.strength !== undefined && (
        <div>
          <label htmlFor={id("strength")} className={label}>
            Defeat strength (Schulze, Ranked Pairs)
          </label>
          <select id={id("strength")} name={name("strength")} defaultValue={defaults.strength} className={`${input} mt-1`}>
            <option value="winning">Winning votes</option>
            <option value="margins">Margins</option>
          </select>
        </div>
      )}
      <div>
        <label htmlFor={id("maxPerAffiliation")} className={label}>
          Maximum seats per affiliation
        </label>
        <input
          id={id("maxPerAffiliation")}
          name={name("maxPerAffiliation")}
          type="number"
          min={1}
          defaultValue={defaults.maxPerAffiliation ?? ""}
          aria-describedby={id("cap-hint")}
          className={`${input} mt-1`}
        />
        <p id={id("cap-hint")} className={hint}>
          Empty for no cap.
        </p>
      </div>
    </div>
  );
}
