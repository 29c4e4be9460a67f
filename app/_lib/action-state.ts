/**
 * What every server action answers to the form that called it. `fieldErrors`
 * (optional) names what is wrong with each field, for forms that show it next
 * to the field (the schedule); `error` still says it in one sentence.
 */
export type ActionState = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null;
