import Link from "next/link";
import type { ChecklistStep } from "@/lib/elections/lifecycle-checklist";
import { focusRing } from "@/components/ui";
import { StepStatusBadge } from "./StepStatusBadge";

export interface NavTarget {
  page: string;
  label: string;
}

/** The pages beside the nine steps. */
export const EXTRA_PAGES: NavTarget[] = [
  { page: "officials", label: "Officials" },
  { page: "audit", label: "Audit log" },
  { page: "cancel", label: "Cancel the election" },
];

const row = `flex min-h-10 items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-gray-100 ${focusRing}`;

/**
 * The dashboard's pages as a list of links. Tally, review and publish share a
 * page, so the link of the page in view is marked current once, on its first step.
 */
export function StepLinks({ base, steps, current }: { base: string; steps: ChecklistStep[]; current: string }) {
  const firstOfPage = new Set<string>();
  return (
    <>
      <ol className="space-y-0.5">
        <li>
          <Link href={base} className={`${row} ${current === "" ? "bg-gray-100 font-semibold" : ""}`} aria-current={current === "" ? "page" : undefined}>
            Overview
          </Link>
        </li>
        {steps.map((s, i) => {
          const isCurrent = s.href === current && !firstOfPage.has(s.href);
          firstOfPage.add(s.href);
          return (
            <li key={s.key}>
              <Link
                href={`${base}/${s.href}`}
                className={`${row} ${isCurrent ? "bg-gray-100 font-semibold" : ""}`}
                aria-current={isCurrent ? "page" : undefined}
              >
                <span>
                  <span aria-hidden="true" className="tabular-nums">
                    {i + 1}.{" "}
                  </span>
                  <span className="sr-only">Step {i + 1}: </span>
                  {s.title}
                </span>
                <StepStatusBadge status={s.status} />
              </Link>
            </li>
          );
        })}
      </ol>
      <ul className="mt-2 space-y-0.5 border-t border-gray-300 pt-2">
        {EXTRA_PAGES.map((p) => (
          <li key={p.page}>
            <Link href={`${base}/${p.page}`} className={`${row} ${current === p.page ? "bg-gray-100 font-semibold" : ""}`} aria-current={current === p.page ? "page" : undefined}>
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Step 3 of 9: Electorate" for the page in view, or where the checklist stands on the overview. */
export function stepPosition(steps: ChecklistStep[], current: string): string {
  const total = steps.length;
  const here = steps.findIndex((s) => s.href === current);
  if (here >= 0) {
    const last = steps.findLastIndex((s) => s.href === current);
    return last > here ? `Steps ${here + 1}–${last + 1} of ${total}: ${steps.slice(here, last + 1).map((s) => s.title).join(", ")}` : `Step ${here + 1} of ${total}: ${steps[here].title}`;
  }
  const next = steps.findIndex((s) => s.status === "next");
  if (current === "") return next >= 0 ? `Overview · next is step ${next + 1} of ${total}: ${steps[next].title}` : "Overview";
  return EXTRA_PAGES.find((p) => p.page === current)?.label ?? "";
}
