"use server";

import { z } from "zod";
import { requestException } from "@/lib/electorate/request-exception";
import { withdrawException } from "@/lib/electorate/withdraw-exception";
import { getActor } from "@/lib/auth/current-actor";
import type { ActionState } from "@/app/_lib/action-state";
import { parseForm, runUseCase, toState } from "@/app/_lib/run-use-case";

const schema = z.object({ reason: z.string().trim().min(10, "say in a sentence or two why you should vote").max(2000) });

export async function requestVoterException(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => requestException(actor, { electionId, reason: parsed.data.reason }), {
      revalidate: [base, `${base}/exception`],
      message: "Request sent; the officials will decide.",
    }),
  );
}

// Bound arguments travel through the browser: they are checked like any input, and the use case answers "not found" for anyone else's request.
const withdrawArgs = z.object({ requestId: z.string().min(1).max(100), base: z.string().startsWith("/c/").max(500) });

export async function withdrawVoterException(requestId: string, base: string, _prev: ActionState, _formData: FormData): Promise<ActionState> {
  const args = withdrawArgs.safeParse({ requestId, base });
  if (!args.success) return { ok: false, error: "This request cannot be withdrawn from here." };
  const actor = await getActor();
  return toState(
    await runUseCase(() => withdrawException(actor, { requestId: args.data.requestId }), {
      revalidate: [args.data.base, `${args.data.base}/exception`],
      message: "Request withdrawn.",
    }),
  );
}
