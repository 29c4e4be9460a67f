"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { btn } from "@/components/ui";

export function SignOutButton({ callbackUrl = "/" }: { callbackUrl?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={btn}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl }).catch(() => setPending(false));
      }}
    >
      Sign out
    </button>
  );
}
