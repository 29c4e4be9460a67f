"use client";

import { useMemo, useState } from "react";
import { Markdown } from "@/components/markdown/Markdown";
import { htmlInMarkdown } from "@/components/markdown/raw-html";
import { btn, hint, input, label } from "@/components/ui";

/** Markdown textarea with a preview rendered exactly as the public page will render it. */
export function StatementEditor({ name, defaultValue }: { name: string; defaultValue?: string }) {
  const [text, setText] = useState(defaultValue ?? "");
  const [preview, setPreview] = useState(false);
  // The parser the page renders with decides what is HTML, so the warning never cries wolf over `a < b` or code.
  const html = useMemo(() => htmlInMarkdown(text), [text]);
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
        aria-describedby={html.length > 0 ? `${name}-hint ${name}-html` : `${name}-hint`}
        className={`${input} mt-2 font-mono ${preview ? "hidden" : ""}`}
      />
      {html.length > 0 && (
        <p id={`${name}-html`} role="status" className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="statement-html-warning">
          HTML is not rendered; it will show as text: <code className="break-all">{html.slice(0, 3).join(" ")}</code>
          {html.length > 3 && ` and ${html.length - 3} more`}. Use Markdown instead (for example **bold** or [a link](https://…)).
        </p>
      )}
      {preview && (
        <section aria-label="Statement preview" className="mt-2 rounded-md border border-gray-400 bg-gray-50 p-4">
          {text.trim() ? <Markdown text={text} /> : <p className="text-gray-700">Nothing to preview yet.</p>}
        </section>
      )}
    </div>
  );
}
