"use client";

import { useState } from "react";
import { btn } from "@/components/ui";

/**
 * The roll's file input as a control that looks like one: a "Choose roll
 * file…" button with the chosen file's name beside it. The real input stays in
 * the form (transparent, over the button, focusable), so the form posts the file.
 */
export function RollFilePicker({ id, name, accept }: { id: string; name: string; accept: string }) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-3">
      {/* The input lies, transparent, over the button it is labelled by: a click or a tap on the button is one on the input. */}
      <span className="relative inline-flex">
        <input
          id={id}
          name={name}
          type="file"
          accept={accept}
          className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0"
          aria-describedby={`${id}-chosen`}
          onChange={(e) => setChosen(e.currentTarget.files?.[0]?.name ?? null)}
        />
        <label
          htmlFor={id}
          className={`${btn} pointer-events-none peer-hover:bg-gray-100 peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-700`}
        >
          Choose roll file…
        </label>
      </span>
      <span id={`${id}-chosen`} className="text-sm text-gray-800" aria-live="polite" data-testid="roll-file-chosen">
        {chosen ? <>Chosen: <strong className="break-all">{chosen}</strong></> : "No file chosen"}
      </span>
    </div>
  );
}
