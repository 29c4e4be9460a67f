"use client";

import { useState, type RefObject } from "react";
import { focusRing } from "@/components/ui";
import { ballotBtn, ballotBtnPrimary } from "./styles";

/** The receipt, shown once after a ballot is cast or replaced; its heading takes the focus. */
export function ReceiptPanel({ code, replaced, title, slug, headingRef }: { code: string; replaced: boolean; title: string; slug: string; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const text = [
    "Hustings ballot receipt",
    `Election: ${title}`,
    `Page: ${typeof window === "undefined" ? "" : window.location.origin + window.location.pathname}`,
    `Receipt code: ${code}`,
    "",
    "This code is the only way to check or replace your ballot while voting is open,",
    "and to find your ballot in the published ballot list. Nobody can recover it for you.",
    "Keep it private: anyone holding it can see and replace your ballot.",
    "",
  ].join("\n");
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <section aria-labelledby="receipt-h" className="space-y-3 rounded-lg border-2 border-green-800 bg-green-50 p-4 text-green-950" data-testid="receipt-panel">
      <h2 id="receipt-h" ref={headingRef} tabIndex={-1} className={`text-xl font-bold ${focusRing}`}>
        {replaced ? "Your ballot was replaced" : "Your ballot is recorded"}
      </h2>
      <p>Your receipt code{replaced ? " (a new one; the old code no longer works)" : ""}:</p>
      <p>
        <code className="block break-all rounded bg-white px-3 py-2 font-mono text-lg text-gray-950" data-testid="receipt-code">
          {code}
        </code>
      </p>
      <p>
        <strong>It is shown only once.</strong> It is the only way to check or replace your ballot, and nobody — not even the officials — can recover it.
        Download it or copy it somewhere safe now.
      </p>
      <p className="flex flex-wrap items-center gap-3">
        <a href={href} download={`${slug}-receipt.txt`} className={ballotBtnPrimary}>
          Download receipt
        </a>
        <CopyButton text={code} />
      </p>
    </section>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <>
      <button
        type="button"
        className={ballotBtn}
        onClick={() => {
          navigator.clipboard?.writeText(text).then(
            () => setCopied("yes"),
            () => setCopied("no"),
          ) ?? setCopied("no");
        }}
      >
        Copy code
      </button>
      <span aria-live="polite" className="text-sm">
        {copied === "yes" && "Copied."}
        {copied === "no" && "Could not copy: select the code and copy it yourself."}
      </span>
    </>
  );
}
