"use client";

import { useActionState, useTransition, type ReactNode } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { btnPrimary } from "@/components/ui";

interface Props {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  /** Asked before submitting anything that cannot be undone. */
  confirm?: string;
  className?: string;
  buttonClassName?: string;
  /** Accessible name of the form, so several forms on one page can be told apart. */
  ariaLabel?: string;
  /** Extra submit buttons (e.g. Grant / Deny) rendered after the main one. */
  extraButtons?: ReactNode;
  hideSubmit?: boolean;
}

/**
 * A form posting to a server action that shows the action's refusal or
 * confirmation next to it. It submits through onSubmit rather than the form's
 * `action` prop because React resets uncontrolled fields after an action, and a
 * refused form must keep what the person typed.
 */
export function ActionForm({ action, children, submitLabel, pendingLabel, confirm, className, buttonClassName, ariaLabel, extraButtons, hideSubmit }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();

  return (
    <form
      aria-label={ariaLabel}
      className={className ?? "space-y-4"}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const fd = new FormData(e.currentTarget, submitter);
        startTransition(() => formAction(fd));
      }}
    >
      {children}
      <div className="flex flex-wrap items-center gap-3">
        {!hideSubmit && (
          <button type="submit" className={buttonClassName ?? btnPrimary} disabled={pending}>
            {pending ? (pendingLabel ?? "Working…") : submitLabel}
          </button>
        )}
        {extraButtons}
        <ActionStatus state={state} />
      </div>
    </form>
  );
}

/** What the last submission did, announced politely: the error, or the use case's confirmation. */
export function ActionStatus({ state }: { state: ActionState | null | undefined }) {
  return (
    <span aria-live="polite" className="text-sm">
      {state && !state.ok && (
        <span role="alert" className="whitespace-pre-line font-medium text-red-800">
          Error: {state.error}
        </span>
      )}
      {state?.ok && <span className="font-medium text-green-800">✓ {state.message ?? "Saved."}</span>}
    </span>
  );
}
