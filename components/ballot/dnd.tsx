"use client";

// Drag and drop on top of the buttons (pointer and touch, via dnd-kit): the
// handle, and the zones a candidate can be dropped on. Keyboard users have the
// buttons beside each candidate, so the handle is no Tab stop and hidden from
// assistive technology; its title and the visible instruction say what it does.
import type { ReactNode } from "react";
import { closestCenter, pointerWithin, useDraggable, useDroppable, type CollisionDetection } from "@dnd-kit/core";

// Pointer first so a drop lands on the zone under the cursor or finger.
export const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : closestCenter(args);
};

/** The zone a drop target id names, in words for the drag announcements. */
export function zoneName(zone: string | number | undefined, tierCount: number): string {
  const z = String(zone ?? "");
  if (z === "pool") return "the not-ranked list";
  const [kind, n] = z.split("-");
  const i = Number(n);
  if (kind === "tier") return `rank ${i + 1} (tie)`;
  if (kind === "gap") return i >= tierCount ? `a new rank ${i + 1} at the end` : `a new rank ${i + 1}, above the current rank ${i + 1}`;
  return "nowhere";
}

export function DragHandle({ id, name }: { id: string; name: string }) {
  // dnd-kit's `attributes` would make the handle a focusable button: left out on purpose.
  const { listeners, setNodeRef, transform, isDragging } = useDraggable({ id });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <span
      ref={setNodeRef}
      style={style}
      {...listeners}
      aria-hidden="true"
      title={`Drag to move ${name}`}
      data-testid="drag-handle"
      className={`inline-flex min-h-11 min-w-11 cursor-grab touch-none select-none items-center justify-center rounded border border-gray-500 text-lg text-gray-800 ${isDragging ? "z-10 bg-blue-100 shadow-lg" : "bg-gray-50"}`}
    >
      ⠿
    </span>
  );
}

export function Tier({ index, children }: { index: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `tier-${index}` });
  return (
    <div ref={setNodeRef} className={`rounded-lg border-2 p-3 ${isOver ? "border-blue-700 bg-blue-50" : "border-gray-300 bg-gray-50"}`}>
      {children}
    </div>
  );
}

export function Gap({ index, label, always }: { index: number; label: string; always?: boolean }) {
  const { setNodeRef, isOver, active } = useDroppable({ id: `gap-${index}` });
  if (always) {
    return (
      <div ref={setNodeRef} className={`rounded-md border-2 border-dashed p-4 ${isOver ? "border-blue-700 bg-blue-50 text-blue-950" : "border-gray-500 text-gray-800"}`}>
        {label}
      </div>
    );
  }
  // Same height whether or not something is dragged, so the list never jumps
  // under the pointer; the insertion line only shows while dragging.
  return (
    <div ref={setNodeRef} className="relative flex h-4 items-center" aria-hidden={!active}>
      {active && <div className={`w-full rounded ${isOver ? "h-1.5 bg-blue-700" : "h-0.5 bg-gray-400"}`} />}
      {isOver && <span className="absolute right-2 -top-2.5 rounded bg-blue-700 px-2 text-xs font-semibold text-white">{label}</span>}
    </div>
  );
}

export function Pool({ children }: { children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: "pool" });
  return (
    <div ref={setNodeRef} className={`rounded-lg border-2 p-3 ${isOver ? "border-blue-700 bg-blue-50" : "border-gray-300"}`}>
      {children}
    </div>
  );
}
