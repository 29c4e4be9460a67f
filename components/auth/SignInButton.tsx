"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { btnPrimary } from "@/components/ui";

/** Starts next-auth's sign-in with one provider (it needs the CSRF token only the browser can fetch). */
export function SignInButton({ providerId, providerName, callbackUrl }: { providerId: string; providerName: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={btnPrimary}
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? `Opening ${providerName}…` : `Sign in with ${providerName}`}
    </button>
  );
}
