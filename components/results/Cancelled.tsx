import { LocalTime } from "@/components/LocalTime";

/** A cancelled election's date and public reason; the reason is plain text, its line breaks kept. */
export function Cancelled({ at, reason, children }: { at: Date | null; reason: string | null; children?: React.ReactNode }) {
  return (
    <div role="status" className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-950" data-testid="cancelled-notice">
      <p className="font-semibold">
        This election was cancelled{at && (
          <>
            {" "}
            on <LocalTime iso={at.toISOString()} />
          </>
        )}
        {reason ? ":" : "."}
      </p>
      {reason && (
        <p className="mt-1 whitespace-pre-line" data-testid="cancel-reason">
          {reason}
        </p>
      )}
      {children}
    </div>
  );
}
