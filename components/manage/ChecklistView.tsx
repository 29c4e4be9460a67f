import Link from "next/link";
import type { ChecklistStep } from "@/lib/elections/lifecycle-checklist";
import { btn, btnPrimary, h3 } from "@/components/ui";
import { StepStatusBadge } from "./StepStatusBadge";

/** The lifecycle as an ordered list of cards: each says its status in words, what it still needs, and links to its page. */
export function ChecklistView({ base, steps }: { base: string; steps: ChecklistStep[] }) {
  return (
    <ol className="mt-3 space-y-3" aria-label="Lifecycle checklist" data-testid="checklist">
      {steps.map((s, i) => (
        <li
          key={s.key}
          data-testid={`step-${s.key}`}
          data-status={s.status}
          aria-current={s.status === "next" ? "step" : undefined}
          className={`rounded-lg border bg-white p-4 shadow-sm ${s.status === "next" ? "border-blue-700 ring-2 ring-blue-700" : "border-gray-300"}`}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className={h3}>
              <span className="tabular-nums">{i + 1}.</span> {s.title}
            </h3>
            <StepStatusBadge status={s.status} />
          </div>
          {s.missing.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-gray-900" aria-label={`What ${s.title} still needs`}>
              {s.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {s.detail && <p className="mt-2 text-sm text-gray-700">{s.detail}</p>}
          <p className="mt-3">
            <Link href={`${base}/${s.href}`} className={s.status === "next" ? btnPrimary : btn} aria-label={`Go to step: ${s.title}`}>
              Go to step
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
