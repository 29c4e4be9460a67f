// Calling server actions in integration tests: a form as the browser posts it,
// and the action run as a given person. Each test file mocks
// @/lib/auth/current-actor to read `who.actor` (vi.mock must stay in the file).
import type { Actor } from "@/lib/auth/actor";
import type { ActionState } from "@/app/_lib/action-state";

export function formData(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

export async function runAs(who: { actor: Actor | null }, actor: Actor | null, run: () => Promise<ActionState>): Promise<ActionState> {
  who.actor = actor;
  try {
    return await run();
  } finally {
    who.actor = null;
  }
}
