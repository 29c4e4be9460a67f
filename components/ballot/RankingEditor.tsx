"use client";

import { useId } from "react";
import { DndContext, PointerSensor, TouchSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { CandidateRow } from "./CandidateRow";
import { collision, Gap, Pool, Tier, zoneName } from "./dnd";
import { insertNewTier, joinTier, moveDown, moveUp, unrank, type Tiers } from "./ranking";
import { ballotBtn, ballotBtnPrimary, srOnly } from "./styles";
import { TieControl } from "./TieControl";
import type { BallotCandidate, NameOf } from "./types";

interface Props {
  tiers: Tiers;
  pool: BallotCandidate[];
  byId: Map<string, BallotCandidate>;
  name: NameOf;
  apply: (id: string, edit: (t: Tiers) => Tiers, focus?: string[]) => void;
  onClear: () => void;
  onReview: () => void;
  onRead: (id: string, from: HTMLElement) => void;
}

/**
 * The editing step: "Your ranking" (ranks best first, ties inside a rank) and
 * "Not ranked". Every move is a button; dragging by the handle (pointer or
 * touch) is a shortcut on top.
 */
export function RankingEditor({ tiers, pool, byId, name, apply, onClear, onReview, onRead }: Props) {
  const ids = useId();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }),
  );

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(String(active.id))}.`,
    onDragOver: ({ active, over }) => (over ? `${name(String(active.id))} is over ${zoneName(over.id, tiers.length)}.` : `${name(String(active.id))} is not over a drop zone.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${name(String(active.id))} on ${zoneName(over.id, tiers.length)}.` : `${name(String(active.id))} was dropped outside; nothing changed.`),
    onDragCancel: ({ active }) => `Moving ${name(String(active.id))} was cancelled; nothing changed.`,
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over) return;
    const id = String(active.id);
    const [kind, n] = String(over.id).split("-");
    if (over.id === "pool") apply(id, (t) => unrank(t, id), [`${id}:add`]);
    else if (kind === "tier") apply(id, (t) => joinTier(t, id, Number(n)));
    else if (kind === "gap") apply(id, (t) => insertNewTier(t, id, Number(n)));
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: "Use the buttons beside each candidate to move them." } }}
    >
      <section aria-labelledby={`${ids}-ranked`} className="space-y-3">
        <h2 id={`${ids}-ranked`} className="text-xl font-bold">
          Your ranking
        </h2>
        <p className="text-gray-800">
          Drag by the handle, or use the buttons. <span aria-hidden="true">(The handle is the ⠿ beside each name.)</span>
        </p>
        {tiers.length === 0 ? (
          <Gap index={0} label="Nobody ranked yet. Use “Add as rank 1” below, or drag a candidate here." always />
        ) : (
          <ol className="space-y-1" aria-label="Ranks, best first">
            {tiers.map((tier, i) => (
              <li key={tier.join("|")}>
                <Gap index={i} label={`New rank ${i + 1} here`} />
                <Tier index={i}>
                  <h3 className="text-sm font-bold text-gray-900">
                    Rank {i + 1}
                    {tier.length > 1 && <span className="font-normal"> — tie between {tier.length} candidates</span>}
                  </h3>
                  <ul className="mt-2 space-y-2">
                    {tier.map((id) => (
                      <li key={id}>
                        <CandidateRow candidate={byId.get(id)} onRead={onRead}>
                          <button type="button" className={ballotBtn} data-focus={`${id}:up`} onClick={() => apply(id, (t) => moveUp(t, id), [`${id}:up`, `${id}:down`])} disabled={i === 0 && tier.length === 1}>
                            <span aria-hidden="true">↑</span> Move up<span className={srOnly}> {name(id)}</span>
                          </button>
                          <button
                            type="button"
                            className={ballotBtn}
                            data-focus={`${id}:down`}
                            onClick={() => apply(id, (t) => moveDown(t, id), [`${id}:down`, `${id}:up`])}
                            disabled={i === tiers.length - 1 && tier.length === 1}
                          >
                            <span aria-hidden="true">↓</span> Move down<span className={srOnly}> {name(id)}</span>
                          </button>
                          {i > 0 && (
                            <button type="button" className={ballotBtn} data-focus={`${id}:tie`} onClick={() => apply(id, (t) => joinTier(t, id, i - 1), [`${id}:up`])}>
                              Tie with rank {i}
                              <span className={srOnly}> ({name(id)})</span>
                            </button>
                          )}
                          <button type="button" className={ballotBtn} data-focus={`${id}:remove`} onClick={() => apply(id, (t) => unrank(t, id), [`${id}:add`])}>
                            Remove<span className={srOnly}> {name(id)} from the ranking</span>
                          </button>
                        </CandidateRow>
                      </li>
                    ))}
                  </ul>
                </Tier>
              </li>
            ))}
          </ol>
        )}
        {tiers.length > 0 && <Gap index={tiers.length} label={`New rank ${tiers.length + 1} here`} />}
      </section>

      <section aria-labelledby={`${ids}-pool`} className="space-y-3">
        <h2 id={`${ids}-pool`} className="text-xl font-bold">
          Not ranked ({pool.length})
        </h2>
        <Pool>
          {pool.length === 0 ? (
            <p className="text-gray-800">You have ranked every candidate.</p>
          ) : (
            <ul className="space-y-2" aria-label="Candidates not ranked">
              {pool.map((c, k) => {
                // After a pool candidate is ranked, focus moves to the next one in the pool, ready to rank.
                const neighbour = (pool[k + 1] ?? pool[k - 1])?.id;
                const stay = neighbour ? [`${neighbour}:add`] : [];
                return (
                  <li key={c.id}>
                    <CandidateRow candidate={c} onRead={onRead}>
                      <button type="button" className={ballotBtn} data-focus={`${c.id}:add`} onClick={() => apply(c.id, (t) => insertNewTier(t, c.id, t.length), stay)}>
                        Add as rank {tiers.length + 1}
                        <span className={srOnly}> ({c.name})</span>
                      </button>
                      {tiers.length > 0 && <TieControl id={c.id} candidateName={c.name} count={tiers.length} onTie={(i) => apply(c.id, (t) => joinTier(t, c.id, i), stay)} />}
                    </CandidateRow>
                  </li>
                );
              })}
            </ul>
          )}
        </Pool>
      </section>

      <div className="flex flex-wrap items-center gap-3 border-t border-gray-300 pt-4">
        <button type="button" className={ballotBtnPrimary} onClick={onReview}>
          Review my ballot
        </button>
        {tiers.length > 0 && (
          <button type="button" className={ballotBtn} onClick={onClear}>
            Clear ranking
          </button>
        )}
      </div>
    </DndContext>
  );
}
