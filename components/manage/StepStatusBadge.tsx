import type { StepStatus } from "@/lib/elections/lifecycle-checklist";

// The word carries the status; the symbol and colour only help scanning.
const LOOK: Record<StepStatus, { word: string; symbol: string; className: string }> = {
  done: { word: "Done", symbol: "✓", className: "border-green-700 bg-green-50 text-green-900" },
  next: { word: "Next", symbol: "→", className: "border-blue-800 bg-blue-700 text-white" },
  waiting: { word: "Waiting", symbol: "…", className: "border-gray-500 bg-gray-100 text-gray-900" },
  blocked: { word: "Blocked", symbol: "!", className: "border-red-700 bg-red-50 text-red-900" },
  skipped: { word: "Skipped", symbol: "–", className: "border-gray-400 bg-white text-gray-800" },
};

export function StepStatusBadge({ status, compact = false }: { status: StepStatus; compact?: boolean }) {
  const look = LOOK[status];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${look.className}`}
      data-status={status}
    >
      <span aria-hidden="true">{look.symbol}</span>
      {compact ? <span className="sr-only">{look.word}</span> : look.word}
    </span>
  );
}
