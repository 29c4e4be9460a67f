"use client";

import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { tierOf, type Tiers } from "./ranking";
import type { BallotCandidate } from "./types";

/**
 * The ranking being edited, with what a screen reader hears after each move
 * and where keyboard focus lands: moving a candidate re-renders its row
 * elsewhere (and may disable the button just pressed), so focus is put back on
 * purpose, never left on <body>.
 */
export function useRankingEditor(candidates: BallotCandidate[]) {
  const [tiers, setTiers] = useState<Tiers>([]);
  const [announcement, setAnnouncement] = useState("");
  const rootRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string[] | null>(null);

  const byId = useMemo(() => new Map(candidates.map((c) => [c.id, c])), [candidates]);
  const name = (id: string) => byId.get(id)?.name ?? id;

  useLayoutEffect(() => {
    const keys = pendingFocus.current;
    pendingFocus.current = null;
    if (!keys || !rootRef.current) return;
    for (const key of keys) {
      const el = rootRef.current.querySelector<HTMLButtonElement | HTMLAnchorElement>(`[data-focus="${CSS.escape(key)}"]`);
      if (el && !(el instanceof HTMLButtonElement && el.disabled)) {
        el.focus();
        return;
      }
    }
  }, [tiers]);

  function describe(next: Tiers, id: string): string {
    const i = tierOf(next, id);
    if (i < 0) return `${name(id)} is not ranked.`;
    const others = next[i].filter((c) => c !== id).map(name);
    return `${name(id)} is now rank ${i + 1}${others.length ? `, tied with ${others.join(", ")}` : ""}.`;
  }

  /** Applies one edit to candidate `id`; focus goes to the first of `focus` still usable, else the candidate's name. */
  function apply(id: string, edit: (t: Tiers) => Tiers, focus: string[] = []) {
    const next = edit(tiers);
    pendingFocus.current = [...focus, `${id}:name`];
    setTiers(next);
    setAnnouncement(describe(next, id));
  }

  const ranked = new Set(tiers.flat());
  const pool = candidates.filter((c) => !ranked.has(c.id));
  return { tiers, setTiers, announcement, setAnnouncement, apply, byId, name, pool, rootRef };
}
