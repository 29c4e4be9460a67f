"use client";

import { useState } from "react";
import { ballotBtn, ballotSelect } from "./styles";

/**
 * Ties a not-ranked candidate with a rank chosen from a list. It offers the
 * last rank first: a candidate still unranked is most often one the voter
 * likes least so far, and the last rank is next to where they would go.
 */
export function TieControl({ id, candidateName, count, onTie }: { id: string; candidateName: string; count: number; onTie: (tier: number) => void }) {
  const [choice, setChoice] = useState<number | null>(null);
  const selected = choice === null ? count - 1 : Math.min(choice, count - 1);
  const selectId = `tie-${id}`;
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden="true" className="text-sm text-gray-800">
        or tie with
      </span>
      <label htmlFor={selectId} className="sr-only">
        Rank to tie {candidateName} with
      </label>
      <select id={selectId} value={selected} onChange={(e) => setChoice(Number(e.target.value))} className={ballotSelect}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            rank {i + 1}
          </option>
        ))}
      </select>
      <button type="button" className={ballotBtn} onClick={() => onTie(selected)}>
        Tie<span className="sr-only"> {candidateName} with the selected rank</span>
      </button>
    </span>
  );
}
