"use server";

import { z } from "zod";
import { requestException } from "@/lib/electorate/request-exception";
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
