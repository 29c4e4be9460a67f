import { revalidatePath } from "next/cache";
import { z } from "zod";
import { UseCaseError } from "@/lib/errors";
import type { ActionState } from "./action-state";

/** First zod issue as a sentence a person can act on. */
export function zodMessage(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return "The form is not valid.";
  const field = issue.path.join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

/**
 * Runs one use case for a server action: a refusal (UseCaseError) becomes a
 * message for the form, anything else is a bug and goes to the error page.
 */
export async function runUseCase<T>(
  call: () => Promise<T>,
  opts: { revalidate?: string[]; message?: string | ((value: T) => string) } = {},
): Promise<{ ok: true; value: T; message?: string } | { ok: false; error: string }> {
  try {
    const value = await call();
    for (const p of opts.revalidate ?? []) revalidatePath(p);
    const message = typeof opts.message === "function" ? opts.message(value) : opts.message;
    return { ok: true, value, message };
  } catch (e) {
    if (e instanceof UseCaseError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Shorthand for form actions that only need to say "done" or why not. */
export function toState(r: { ok: true; message?: string } | { ok: false; error: string }): ActionState {
  return r.ok ? { ok: true, message: r.message } : { ok: false, error: r.error };
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): { ok: true; data: z.output<S> } | { ok: false; error: string } {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of formData.entries()) {
    if (k.startsWith("$ACTION")) continue;
    raw[k] = v;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: zodMessage(parsed.error) };
}
