"use server";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { authorizeDemoUser } from "@/lib/auth/demo";
import { isDemoMode } from "@/lib/auth/providers";
import { mintSessionCookie } from "@/lib/auth/session-token";
import { RateLimitedError } from "@/lib/errors";
import { clientAddress, limitSignIn } from "@/lib/rate-limit";

const input = z.object({
  userId: z.string().trim().min(1).max(64),
  callbackUrl: z.string().max(2000).optional(),
});

/** Signs in as a seeded person. Exists only on a demo instance; anywhere else it is a 404 like its page. */
export async function signInAsDemoPerson(formData: FormData): Promise<void> {
  if (!isDemoMode()) notFound();
  const parsed = input.safeParse({ userId: formData.get("userId"), callbackUrl: formData.get("callbackUrl") ?? undefined });
  if (!parsed.success) redirect("/demo?error=UnknownPerson");
  const back = safeCallbackUrl(parsed.data.callbackUrl);
  try {
    await limitSignIn(clientAddress(await headers()));
  } catch (e) {
    if (e instanceof RateLimitedError) redirect(`/demo?error=RateLimited&callbackUrl=${encodeURIComponent(back)}`);
    throw e;
  }
  // The same check the "demo" credentials provider runs: demo mode again, and a real person.
  const user = await authorizeDemoUser({ userId: parsed.data.userId });
  if (!user) redirect(`/demo?error=UnknownPerson&callbackUrl=${encodeURIComponent(back)}`);
  const cookie = await mintSessionCookie(user.id, undefined, user.sessionVersion);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(back);
}
