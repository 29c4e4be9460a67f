"use server";

import { z } from "zod";
import { submitCandidacy } from "@/lib/candidacies/submit-candidacy";
import { editCandidacy } from "@/lib/candidacies/edit-candidacy";
import { withdrawCandidacy } from "@/lib/candidacies/withdraw-candidacy";
import { claimCandidacy } from "@/lib/candidacies/claim-candidacy";
import { getActor } from "@/lib/auth/current-actor";
import type { ActionState } from "@/app/_lib/action-state";
import { parseForm, runUseCase, toState } from "@/app/_lib/run-use-case";

// An emptied optional field is sent as "" (the use case stores null), not left
// out: an edit that leaves a field out keeps its old value, so a candidate could
// never remove their platform or GitHub login.
const optional = z.string().trim().default("");

const fields = z.object({
  displayName: z.string().trim().min(1, "enter your name"),
  email: z.email("enter a valid email address"),
  githubLogin: optional,
  affiliation: optional,
  // The explicit "I have no affiliation" checkbox: an empty text field alone is not a choice when a cap is in force.
  noAffiliation: z.literal("on").optional(),
  platform: optional,
  statement: z.string().trim().min(1, "write a statement"),
});

/** The form's two affiliation inputs as the one value the use case takes ("none" for the explicit choice). */
function declaration(data: z.output<typeof fields>): { ok: true; data: Omit<z.output<typeof fields>, "noAffiliation"> } | { ok: false; error: string } {
  const { noAffiliation, ...rest } = data;
  if (!noAffiliation) return { ok: true, data: rest };
  if (rest.affiliation !== "" && !/^(none|no affiliation)$/i.test(rest.affiliation)) {
    return { ok: false, error: `affiliation: you named "${rest.affiliation}" and also ticked "I have no affiliation"; keep one of them.` };
  }
  return { ok: true, data: { ...rest, affiliation: "none" } };
}

export async function submitDeclaration(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(fields, formData);
  if (!form.ok) return form;
  const parsed = declaration(form.data);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => submitCandidacy(actor, { electionId, ...parsed.data }), {
      revalidate: [base, `${base}/declare`],
      message: "Declaration submitted; the officials will review it.",
    }),
  );
}

export async function editDeclaration(candidacyId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const form = parseForm(fields, formData);
  if (!form.ok) return form;
  const parsed = declaration(form.data);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => editCandidacy(actor, { candidacyId, ...parsed.data }), {
      revalidate: [base, `${base}/declare`, `${base}/candidates/${candidacyId}`],
      message: "Declaration updated.",
    }),
  );
}

export async function withdrawDeclaration(candidacyId: string, base: string, _prev: ActionState, _formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  return toState(
    await runUseCase(() => withdrawCandidacy(actor, { candidacyId }), {
      revalidate: [base, `${base}/declare`],
      message: "Declaration withdrawn.",
    }),
  );
}

export async function claimDeclaration(candidacyId: string, base: string, _prev: ActionState, _formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  return toState(
    await runUseCase(() => claimCandidacy(actor, { candidacyId }), {
      revalidate: [base, `${base}/declare`, `${base}/candidates/${candidacyId}`],
      message: "Declaration claimed: it is yours now.",
    }),
  );
}
