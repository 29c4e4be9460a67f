"use client";

import { useId, type RefObject } from "react";
import { ballotBtn, ballotBtnPrimary } from "./styles";

/** Asks before an empty ballot is submitted: it is an abstention, not a mistake to let through silently. */
export function AbstainDialog({ dialogRef, onAbstain }: { dialogRef: RefObject<HTMLDialogElement | null>; onAbstain: () => void }) {
  const id = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-confirm`}
      className="m-auto max-w-md rounded-lg border border-gray-700 p-6 backdrop:bg-black/50"
      onClose={() => {
        if (dialogRef.current?.returnValue === "abstain") onAbstain();
      }}
    >
      <form method="dialog" className="space-y-4">
        <h2 id={`${id}-confirm`} className="text-lg font-bold">
          Submit an empty ballot?
        </h2>
        <p>You have not ranked anyone. An empty ballot counts as an abstention: you are recorded as having voted, but you support nobody.</p>
        <div className="flex flex-wrap gap-3">
          <button value="back" className={ballotBtn} autoFocus>
            Go back and rank
          </button>
          <button value="abstain" className={ballotBtnPrimary}>
            Submit empty ballot
          </button>
        </div>
      </form>
    </dialog>
  );
}
