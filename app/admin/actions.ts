"use server";

import { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import { createCommunity } from "@/lib/communities/create-community";
import { appointCommunityAdmin } from "@/lib/communities/appoint-community-admin";
import { removeCommunityAdmin } from "@/lib/communities/remove-community-admin";
import { revokeSessions } from "@/lib/sessions/revoke-sessions";
import type { ActionState } from "@/app/_lib/action-state";
import { parseForm, runUseCase, toState } from "@/app/_lib/run-use-case";
import { communityHref } from "@/app/_lib/paths";

const createSchema = z.object({
  name: z.string().trim().min(1, "enter a name").max(120),
  slug: z.string().trim().min(1, "enter an address").max(60),
});

export async function createCommunityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(createSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => createCommunity(actor, parsed.data), {
      revalidate: ["/", "/admin", "/communities"],
      message: (r) => `Created ${communityHref(r.slug)}. Appoint its admins next.`,
    }),
  );
}

const appointSchema = z.object({
  communityId: z.string().min(1, "choose a community").max(64),
  login: z.string().trim().min(1, "enter a GitHub login or an email").max(320),
});

export async function appointCommunityAdminAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(appointSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => appointCommunityAdmin(actor, parsed.data), {
      revalidate: ["/admin"],
      message: (r) => `${r.person} is now an admin of ${r.community}.`,
    }),
  );
}

const removeSchema = z.object({
  communityId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  name: z.string().max(400).optional(),
});

export async function removeCommunityAdminAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(removeSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  const { communityId, userId, name } = parsed.data;
  return toState(
    await runUseCase(() => removeCommunityAdmin(actor, { communityId, userId }), {
      revalidate: ["/admin"],
      message: `${name ?? "The person"} is no longer an admin of the community.`,
    }),
  );
}

const revokeSchema = z.object({
  login: z.string().trim().min(1, "enter a GitHub login or an email").max(320),
});

export async function revokeSessionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(revokeSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => revokeSessions(actor, parsed.data), {
      message: `Every session of ${parsed.data.login} has ended; they must sign in again.`,
    }),
  );
}
