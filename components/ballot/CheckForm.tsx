"use client";

import { useState, useTransition } from "react";
import { label } from "@/components/ui";
import { ballotBtn, ballotInput } from "./styles";
import type { ViewResult } from "./types";

/** "Check or replace my ballot": loads the voter's recorded ballot by its receipt. */
export function CheckForm({ view, onLoad }: { view: (receipt: string) => Promise<ViewResult>; onLoad: (code: string, ranking: string[][]) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="check-h" className="space-y-3 border-t border-gray-300 pt-4">
      <h2 id="check-h" className="text-xl font-bold">
        Check or replace my ballot
      </h2>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get("receipt") ?? "").trim();
          setError(null);
          startTransition(async () => {
            const r = await view(code);
            if (r.ok) onLoad(code, r.ranking);
            else setError(r.error);
          });
        }}
      >
        <div>
          <label htmlFor="receipt-input" className={label}>
            Receipt code
          </label>
          <input
            id="receipt-input"
            name="receipt"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="receipt-hint"
            className={`${ballotInput} mt-1 font-mono`}
          />
          <p id="receipt-hint" className="mt-1 text-sm text-gray-700">
            The code shown when you voted (also in the receipt file you downloaded). While voting is open you can see your ballot with it and replace
            it.
          </p>
        </div>
        <button type="submit" className={ballotBtn} disabled={pending}>
          {pending ? "Checking…" : "Check my ballot"}
        </button>
        {error && (
          <p role="alert" className="font-medium text-red-800">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
