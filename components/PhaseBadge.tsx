import { PHASE_LABELS, type Phase } from "@/lib/elections/phase";

// The label carries the meaning; color only helps scanning a list.
const STYLES: Record<Phase, string> = {
  draft: "border-gray-500 bg-gray-100 text-gray-900",
  upcoming: "border-slate-500 bg-slate-100 text-slate-900",
  nominations: "border-purple-700 bg-purple-50 text-purple-900",
  campaign: "border-indigo-700 bg-indigo-50 text-indigo-900",
  voting: "border-green-700 bg-green-50 text-green-900",
  "awaiting-close": "border-amber-700 bg-amber-50 text-amber-900",
  closed: "border-amber-700 bg-amber-50 text-amber-900",
  tallied: "border-amber-700 bg-amber-50 text-amber-900",
  published: "border-blue-700 bg-blue-50 text-blue-900",
  cancelled: "border-red-700 bg-red-50 text-red-900",
};

export function PhaseBadge({ phase }: { phase: Phase }) {
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${STYLES[phase]}`}>
      {PHASE_LABELS[phase]}
    </span>
  );
}
