"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { focusRing } from "@/components/ui";

/**
 * A wide table's sideways-scrolling frame. On a narrow screen it says that the
 * table scrolls (only when it really overflows), and it can be focused so a
 * keyboard can scroll it too. The table's row headers stay in view with
 * `sticky left-0` and a background of their own.
 */
export function ScrollTable({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div>
      {overflows && (
        <p className="mb-1 text-sm text-gray-800" data-testid="scroll-cue">
          Scroll sideways to see every column <span aria-hidden="true">→</span>
        </p>
      )}
      {/* relative: sr-only text in the cells is absolutely positioned and must scroll (and clip) with the table, not widen the page. */}
      <div
        ref={frame}
        role="region"
        aria-label={label}
        // Focusable only when there is something to scroll, so a keyboard can scroll it without an extra Tab stop otherwise.
        tabIndex={overflows ? 0 : undefined}
        data-testid={testId}
        className={`relative overflow-x-auto ${overflows ? "border-r-4 border-r-gray-300" : ""} ${focusRing}`}
      >
        {children}
      </div>
    </div>
  );
}
