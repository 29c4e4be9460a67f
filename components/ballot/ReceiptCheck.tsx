"use client";

import { useState, useTransition } from "react";
import { btn, input, label, link } from "@/components/ui";

type ViewResult = { ok: true; ranking: string[][]; receiptHash: string } | { ok: false; error: string };

interface Props {
  /** The rate-limited server action that looks the receipt up (viewBallot). */
  view: (receipt: string) => Promise<ViewResult>;
  candidates: { id: string; name: string }[];
  /** Where the published ballot list (Hustings JSON, with receipt hashes) downloads from. */
  jsonHref: string;
}

/** After publication: a voter finds their ballot by receipt code, and the hash to look for in the published list (PRODUCT §6). */
export function ReceiptCheck({ view, candidates, jsonHref }: Props) {
  const [found, setFound] = useState<{ ranking: string[][]; receiptHash: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = (id: string) => candidates.find((c) => c.id === id)?.name ?? "a candidate no longer standing";

  return (
    <div className="mt-3 space-y-3">
      <form
        aria-label="Check that your ballot was counted"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get("receipt") ?? "").trim();
          setError(null);
          setFound(null);
          startTransition(async () => {
            const r = await view(code);
            if (r.ok) setFound({ ranking: r.ranking, receiptHash: r.receiptHash });
            else setError(r.error);
          });
        }}
      >
        <div>
          <label htmlFor="published-receipt" className={label}>
            Receipt code
          </label>
          <input
            id="published-receipt"
            name="receipt"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="published-receipt-hint"
            className={`${input} mt-1 max-w-xl font-mono`}
          />
          <p id="published-receipt-hint" className="mt-1 text-sm text-gray-700">
            The code you got when you voted (or the latest one, if you replaced your ballot). It is checked on the server and never stored.
          </p>
        </div>
        <button type="submit" className={btn} disabled={pending}>
          {pending ? "Checking…" : "Check my ballot"}
        </button>
      </form>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="font-medium text-red-800">
            {error}
          </p>
        )}
        {found && (
          <div className="space-y-2 rounded-md border-2 border-green-800 bg-green-50 p-4 text-green-950" data-testid="receipt-check-result">
            <p className="font-semibold">Your ballot was counted. It ranked:</p>
            {found.ranking.length === 0 ? (
              <p>Nobody (an empty ballot: an abstention).</p>
            ) : (
              <ol className="list-none space-y-1" data-testid="receipt-check-ranking">
                {found.ranking.map((tier, i) => (
                  <li key={i}>
                    Rank {i + 1}: {tier.map(name).join(" = ")}
                  </li>
                ))}
              </ol>
            )}
            <p>Its receipt hash:</p>
            <code className="block break-all rounded bg-white px-3 py-2 font-mono text-sm text-gray-950" data-testid="receipt-check-hash">
              {found.receiptHash}
            </code>
            <p>
              The same hash appears, with this ranking, in the published ballot list (the{" "}
              <a href={jsonHref} className={link} download>
                Hustings JSON
              </a>{" "}
              download, field <code>receipt</code>), so anyone can see that your ballot is among those counted.
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
