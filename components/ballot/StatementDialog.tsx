"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { affiliationInWords } from "@/components/election-text";
import { focusRing, link } from "@/components/ui";
import { ballotBtn } from "./styles";
import type { BallotCandidate } from "./types";

/**
 * A candidate's statement over the ballot, in a modal <dialog>: the browser
 * keeps focus inside it and closes it on Escape, and the ranking underneath is
 * never touched. Focus goes back to the name that opened it.
 */
export function StatementDialog({ candidate, statement, returnTo, onClose }: { candidate: BallotCandidate | null; statement: ReactNode; returnTo: HTMLElement | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !candidate) return;
    if (!dialog.open) dialog.showModal();
    headingRef.current?.focus();
  }, [candidate]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="statement-dialog-h"
      className="m-auto max-h-[85vh] w-[min(40rem,calc(100vw-1.5rem))] overflow-y-auto rounded-lg border border-gray-700 p-5 backdrop:bg-black/50"
      onClose={() => {
        onClose();
        returnTo?.focus();
      }}
    >
      {candidate && (
        <div className="space-y-3">
          <h2 id="statement-dialog-h" ref={headingRef} tabIndex={-1} className={`text-xl font-bold ${focusRing}`}>
            {candidate.name}
          </h2>
          <p className="text-gray-800">{affiliationInWords(candidate.affiliation)}</p>
          <h3 className="text-lg font-semibold">Statement</h3>
          <div data-testid="statement-dialog-text">{statement ?? <p>No statement.</p>}</div>
          <form method="dialog" className="flex flex-wrap items-center gap-3 border-t border-gray-300 pt-3">
            <button className={ballotBtn}>Back to the ballot</button>
            <a href={candidate.href} target="_blank" rel="noopener" className={`${link} inline-flex min-h-11 items-center`}>
              Open their page in a new tab
            </a>
          </form>
        </div>
      )}
    </dialog>
  );
}
