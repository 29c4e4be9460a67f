"use client";

import { useId, type RefObject } from "react";
import { focusRing } from "@/components/ui";
import { LostReceiptNote } from "./LostReceiptNote";
import { RankingList } from "./RankingList";
import { ballotBtn, ballotBtnPrimary } from "./styles";
import type { BallotCandidate, NameOf, Tiers } from "./types";

interface Props {
  tiers: Tiers;
  pool: BallotCandidate[];
  name: NameOf;
  unrankedRule: string;
  replacing: boolean;
  pending: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onSubmit: () => void;
}

/** The last look before submitting: the ranking in words, who is left unranked and what that means, and what the receipt is for. */
export function ReviewStep({ tiers, pool, name, unrankedRule, replacing, pending, headingRef, onBack, onSubmit }: Props) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-review`} className="space-y-4 rounded-lg border-2 border-gray-800 p-4">
      <h2 id={`${id}-review`} ref={headingRef} tabIndex={-1} className={`text-xl font-bold ${focusRing}`}>
        Review your ballot
      </h2>
      {tiers.length === 0 ? (
        <p className="font-semibold">You ranked nobody. Submitting this ballot records an abstention.</p>
      ) : (
        <RankingList tiers={tiers} name={name} caption="Your ranking, best first" testId="ranking-list" />
      )}
      {pool.length > 0 && (
        <p>
          <strong>Not ranked:</strong> {pool.map((c) => c.name).join(", ")}. {unrankedRule}
        </p>
      )}
      <LostReceiptNote />
      <div className="flex flex-wrap gap-3">
        <button type="button" className={ballotBtn} onClick={onBack} disabled={pending}>
          Back to editing
        </button>
        <button type="button" className={ballotBtnPrimary} onClick={onSubmit} disabled={pending}>
          {pending ? "Submitting…" : replacing ? "Replace my ballot" : "Submit my ballot"}
        </button>
      </div>
    </section>
  );
}
