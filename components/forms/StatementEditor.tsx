"use client";

import { useState } from "react";
import { Markdown } from "@/components/markdown/Markdown";
import { btn, hint, input, label } from "@/components/ui";

/** Markdown textarea with a preview rendered exactly as the public page will render it. */
export function StatementEditor({ name, defaultValue }: { name: string; defaultValue?: string }) {
  const [text, setText] = useState(defaultValue ?? "");
  const [preview, setPreview] = useState(false);
  return (
    <div>
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={`${name}-input`} className={label}>
          Statement (Markdown)
        </label>
        <button type="button" className={btn} aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          {preview ? "Back to editing" : "Preview"}
        </button>
      </div>
      <p id={`${name}-hint`} className={hint}>
        Markdown formatting (headings, lists, links, emphasis). HTML is not rendered.
      </p>
      {/* The textarea stays in the form while previewing so its value is always submitted. */}
      <textarea
        id={`${name}-input`}
        name={name}
        required
        rows={12}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${name}-hint`}
        className={`${input} mt-2 font-mono ${preview ? "hidden" : ""}`}
      />
      {preview && (
        <section aria-label="Statement preview" className="mt-2 rounded-md border border-gray-400 bg-gray-50 p-4">
          {text.trim() ? <Markdown text={text} /> : <p className="text-gray-700">Nothing to preview yet.</p>}
        </section>
      )}
    </div>
  );
}
