"use client";

import { useActionState, useTransition } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { btnPrimary, hint, input, label } from "@/components/ui";
import { ActionStatus } from "@/components/forms/ActionForm";

export interface ScheduleRow {
  name: string;
  label: string;
  /** "YYYY-MM-DD HH:MM" in UTC, or "" when not set. */
  value: string;
  /** What is stored now, said back in the same form ("2026-12-04 17:00 UTC"), or null. */
  saved: string | null;
}

/**
 * The schedule as 24-hour UTC text fields in ISO style. A datetime-local input
 * shows the browser's locale (12-hour on many machines) and its zone, which
 * misled officials; plain text with a pattern says exactly what is stored.
 * A refusal is shown next to each field it names (aria-invalid, described by
 * the message), and the typed values stay (no reset after the action).
 */
export function ScheduleForm({
  action,
  rows,
  hidden,
  submitLabel,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  rows: ScheduleRow[];
  /** Fields sent unchanged (the dates that may no longer move), as exact UTC instants. */
  hidden: { name: string; value: string }[];
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      aria-label="Schedule"
      className="mt-3 max-w-2xl space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => formAction(fd));
      }}
    >
      {hidden.map((h) => (
        <input key={h.name} type="hidden" name={h.name} value={h.value} />
      ))}
      <div className={rows.length > 1 ? "grid gap-4 sm:grid-cols-2" : "max-w-sm"}>
        {rows.map((r) => {
          const error = fieldErrors[r.name];
          return (
            <div key={r.name}>
              <label htmlFor={r.name} className={label}>
                {r.label} (UTC)
              </label>
              <input
                id={r.name}
                name={r.name}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                required
                placeholder="YYYY-MM-DD HH:MM"
                pattern="\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}"
                defaultValue={r.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${r.name}-hint${error ? ` ${r.name}-error` : ""}`}
                className={`${input} mt-1 font-mono ${error ? "border-red-800" : ""}`}
              />
              <p id={`${r.name}-hint`} className={hint}>
                24-hour, UTC{r.saved ? <>; saved: {r.saved}</> : "; not set yet"}
              </p>
              {error && (
                <p id={`${r.name}-error`} className="mt-1 text-sm font-medium text-red-800" data-testid={`${r.name}-error`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={btnPrimary} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
