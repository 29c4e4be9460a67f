import type { ReactNode } from "react";

/** One line saying why a section cannot be changed right now. */
export function LockedNote({ children }: { children: ReactNode }) {
  return (
    <p className="mt-2 flex items-start gap-2 rounded-md border border-gray-400 bg-gray-50 px-3 py-2 text-sm text-gray-900" data-testid="locked-note">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0 fill-current text-gray-700">
        <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v6a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 14.5v-6A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
      </svg>
      <span>{children}</span>
    </p>
  );
}

/** Current values of a locked form, shown as text rather than as disabled fields. */
export function ReadOnlyFields({ rows, testId }: { rows: [label: string, value: ReactNode][]; testId?: string }) {
  return (
    <dl className="mt-3 grid max-w-2xl gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold text-gray-900">{label}</dt>
          <dd className="mb-1 break-words text-gray-900 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
