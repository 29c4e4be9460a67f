"use client";

import type { MouseEvent, ReactNode } from "react";
import { affiliationInWords } from "@/components/election-text";
import { DragHandle } from "./dnd";
import { nameLink } from "./styles";
import type { BallotCandidate } from "./types";

/**
 * One candidate on the ballot: the drag handle, the name (a link to their
 * statement, opened over the ballot so the ranking stays as it is), the
 * affiliation and the move buttons.
 */
export function CandidateRow({ candidate, onRead, children }: { candidate: BallotCandidate | undefined; onRead: (id: string, from: HTMLElement) => void; children: ReactNode }) {
  if (!candidate) return null;
  const read = (e: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window (modifier keys, middle click) is the voter's choice: the ballot stays in this one anyway.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onRead(candidate.id, e.currentTarget);
  };
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-gray-400 bg-white p-2" data-testid="ballot-candidate">
      <DragHandle id={candidate.id} name={candidate.name} />
      <span className="min-w-40 flex-1">
        <a href={candidate.href} onClick={read} className={nameLink} data-focus={`${candidate.id}:name`} aria-label={`${candidate.name}: read the statement`}>
          {candidate.name}
        </a>
        <span className="text-sm text-gray-700"> · {affiliationInWords(candidate.affiliation)}</span>
      </span>
      <span className="flex flex-wrap gap-1">{children}</span>
    </div>
  );
}
