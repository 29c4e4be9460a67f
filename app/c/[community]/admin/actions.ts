"use server";

import { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import { createElection } from "@/lib/elections/create-election";
import { appointOfficial } from "@/lib/elections/appoint-official";
import { removeOfficial } from "@/lib/elections/remove-official";
import type { ActionState } from "@/app/_lib/action-state";
import { parseForm, runUseCase, toState } from "@/app/_lib/run-use-case";
import { communityHref, electionHref } from "@/app/_lib/paths";

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

// Bound on the page: the community the form belongs to; the use case checks the caller administers it.
const communityId = z.string().min(1).max(64);

const createSchema = z.object({
  title: z.string().trim().min(1, "enter a title").max(200),
  slug: optionalText,
  description: optionalText,
  seats: z.coerce.number().int().min(1, "at least one seat").max(100),
  method: z.enum(["schulze", "ranked-pairs", "irv", "stv-scottish", "stv-meek"]),
  unranked: z.enum(["exclude", "last"]),
  maxPerAffiliation: z
    .string()
    .trim()
    .default("")
    .transform((s, ctx) => {
      if (s === "") return undefined;
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", message: "a whole number of seats, or empty" });
        return z.NEVER;
      }
      return n;
    }),
});

export async function createElectionAction(community: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = communityId.safeParse(community);
  const parsed = parseForm(createSchema, formData);
  if (!parsed.ok) return parsed;
  if (!id.success) return { ok: false, error: "No such community." };
  const actor = await getActor();
  return toState(
    await runUseCase(() => createElection(actor, { ...parsed.data, communityId: id.data }), {
      revalidate: ["/"],
      message: (r) => `Created ${electionHref(r.communitySlug, r.slug)} as a draft.`,
    }),
  );
}

const appointSchema = z.object({
  electionId: z.string().min(1, "choose an election"),
  login: z.string().trim().min(1, "enter a GitHub login or an email"),
});

export async function appointOfficialAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(appointSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => appointOfficial(actor, parsed.data), {
      revalidate: ["/"],
      message: `${parsed.data.login} is now an official.`,
    }),
  );
}

const removeSchema = z.object({
  electionId: z.string().min(1, "choose an election").max(64),
  userId: z.string().min(1, "choose an official").max(64),
  name: z.string().max(400).optional(),
});

export async function removeOfficialAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(removeSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  const { electionId, userId, name } = parsed.data;
  return toState(
    await runUseCase(() => removeOfficial(actor, { electionId, userId }), {
      revalidate: ["/"],
      message: `${name ?? "The official"} is no longer an official of this election.`,
    }),
  );
}
