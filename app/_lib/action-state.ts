/** What every server action answers to the form that called it. */
export type ActionState = { ok: true; message?: string } | { ok: false; error: string } | null;
