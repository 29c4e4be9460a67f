"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import { sessionCookieName } from "@/lib/auth/session-token";
import { revokeSessions } from "@/lib/sessions/revoke-sessions";
import { parseForm, runUseCase } from "@/app/_lib/run-use-case";

// The button sends nothing: it always acts on the signed-in person's own sessions.
const signOutEverywhereSchema = z.object({}).strict();

/** The header's "Sign out everywhere": ends every session of the signed-in person, this one included. */
export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  if (!parseForm(signOutEverywhereSchema, formData).ok) redirect("/");
  const actor = await getActor();
  const result = await runUseCase(() => revokeSessions(actor, {}));
  // This browser's cookie is already worthless (its version is behind); drop it so the header says so at once.
  const jar = await cookies();
  const { name } = sessionCookieName();
  for (const c of jar.getAll()) if (c.name === name || c.name.startsWith(`${name}.`)) jar.delete(c.name);
  if (!result.ok) redirect("/signin");
  redirect("/");
}
