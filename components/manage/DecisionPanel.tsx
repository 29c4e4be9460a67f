"use client";

import { createContext, useActionState, useContext, useTransition, type ReactNode } from "react";
import type { ActionState } from "@/app/_lib/action-state";

const Submit = createContext<{ submit: (fd: FormData) => void; pending: boolean } | null>(null);

/**
 * Decisions on one item (accept / reject a declaration, grant / deny a
 * request) whose forms disappear once decided: the confirmation lives here,
 * beside the item, so it stays on screen after the page refreshes without
 * the form that caused it. Its forms are DecisionForm children.
 */
export function DecisionPanel({ action, children, className }: { action: (prev: ActionState, fd: FormData) => Promise<ActionState>; children: ReactNode; className?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  return (
    <Submit.Provider value={{ submit: (fd) => startTransition(() => formAction(fd)), pending }}>
      <div className={className}>
        {children}
        <p aria-live="polite" className="text-sm" data-testid="decision-result">
          {state && !state.ok && (
            <span role="alert" className="whitespace-pre-line font-medium text-red-800">
              Error: {state.error}
            </span>
          )}
          {state?.ok && <span className="font-medium text-green-800">✓ {state.message ?? "Done."}</span>}
        </p>
      </div>
    </Submit.Provider>
  );
}

/** One form of a DecisionPanel; submits through it (keeping what was typed when refused). */
export function DecisionForm({ ariaLabel, className, confirm, children }: { ariaLabel: string; className?: string; confirm?: string; children: ReactNode }) {
  const ctx = useContext(Submit);
  if (!ctx) throw new Error("DecisionForm must be inside a DecisionPanel");
  return (
    <form
      aria-label={ariaLabel}
      className={className}
      aria-busy={ctx.pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        ctx.submit(new FormData(e.currentTarget, submitter));
      }}
    >
      {children}
    </form>
  );
}
