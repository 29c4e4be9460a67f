"use server";

import { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import { createElection } from "@/lib/elections/create-election";
import { appointOfficial } from "@/lib/elections/appoint-official";
import { removeOfficial } from "@/lib/elections/remove-official";
import { updateCommunity } from "@/lib/communities/update-community";
import { setCommunityLogo } from "@/lib/communities/set-community-logo";
import { ROLL_FORMATS } from "@/lib/communities/community-input";
import { LOGO_MAX_BYTES } from "@/lib/communities/logo-image";
import { METHODS, UNRANKED_RULES } from "@/lib/tally/types";
import type { ActionState } from "@/app/_lib/action-state";
import { parseForm, runUseCase, toState, zodMessage } from "@/app/_lib/run-use-case";
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
      // The form starts from the community's cap, so an emptied field means no cap for this election.
      if (s === "") return null;
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
  login: z.string().trim().min(1, "enter a GitHub login (@login) or an email").max(320),
});

export async function appointOfficialAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(appointSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => appointOfficial(actor, parsed.data), {
      revalidate: ["/"],
      message: (r) => `${r.person} is now an official of ${r.election}.`,
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

// The form posts every field; empty optional ones mean "none".
const emptyToNull = (s: string) => (s === "" ? null : s);
const profileSchema = z.object({
  name: z.string().trim().min(1, "enter a name").max(120),
  description: z.string().max(20_000, "at most 20,000 characters"),
  governanceUrl: z.string().trim().max(2000).transform(emptyToNull),
  committeeName: z.string().trim().max(120),
  defaultSeats: z.coerce.number().int().min(1, "at least one seat").max(100),
  defaultMethod: z.enum(METHODS),
  defaultUnranked: z.enum(UNRANKED_RULES),
  defaultMaxPerAffiliation: z
    .string()
    .trim()
    .max(3)
    .transform((s, ctx) => {
      if (s === "") return null;
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", message: "a whole number of seats, or empty" });
        return z.NEVER;
      }
      return n;
    }),
  rollFormats: z.array(z.enum(ROLL_FORMATS, "choose among the listed formats")).max(ROLL_FORMATS.length),
});

/** The community's profile and default rules; updateCommunity checks the caller runs it (or the instance). */
export async function updateCommunityAction(community: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = communityId.safeParse(community);
  if (!id.success) return { ok: false, error: "No such community." };
  const raw = Object.fromEntries(["name", "description", "governanceUrl", "committeeName", "defaultSeats", "defaultMethod", "defaultUnranked", "defaultMaxPerAffiliation"].map((k) => [k, formData.get(k) ?? ""]));
  const parsed = profileSchema.safeParse({ ...raw, rollFormats: formData.getAll("rollFormats") });
  if (!parsed.success) return { ok: false, error: zodMessage(parsed.error) };
  const actor = await getActor();
  return toState(
    await runUseCase(() => updateCommunity(actor, { ...parsed.data, communityId: id.data }), {
      revalidate: ["/", "/communities"],
      message: "Saved. New elections start from these defaults; existing ones keep their rules.",
    }),
  );
}

const logoSchema = z.object({
  logo: z
    .file("choose an image file")
    .min(1, "the file is empty")
    // Checked before reading it; the use case checks the bytes again.
    .max(LOGO_MAX_BYTES, "at most 256 KiB"),
});

/** Uploads the logo; the use case decides its type from its bytes. */
export async function setCommunityLogoAction(community: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = communityId.safeParse(community);
  if (!id.success) return { ok: false, error: "No such community." };
  const parsed = logoSchema.safeParse({ logo: formData.get("logo") });
  if (!parsed.success) return { ok: false, error: zodMessage(parsed.error) };
  const bytes = new Uint8Array(await parsed.data.logo.arrayBuffer());
  const actor = await getActor();
  return toState(
    await runUseCase(() => setCommunityLogo(actor, { communityId: id.data, logo: bytes }), {
      revalidate: ["/", "/communities"],
      message: "Logo saved.",
    }),
  );
}

// The remove button sends nothing but the action's own fields.
const removeLogoSchema = z.object({}).strict();

export async function removeCommunityLogoAction(community: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = communityId.safeParse(community);
  if (!id.success) return { ok: false, error: "No such community." };
  const parsed = parseForm(removeLogoSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => setCommunityLogo(actor, { communityId: id.data, logo: null }), {
      revalidate: ["/", "/communities"],
      message: "Logo removed.",
    }),
  );
}
