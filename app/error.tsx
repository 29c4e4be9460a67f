"use client";

import Link from "next/link";

// The message is deliberately generic: an error's text may carry internals, and
// the server log already has it under the digest shown here for support.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="max-w-prose space-y-4">
      <h1 className="text-3xl font-bold tracking-tight text-gray-950">Something went wrong</h1>
      <p>The page could not be shown. Nothing you submitted was half-saved: each action either completes or changes nothing.</p>
      {error.digest && (
        <p className="text-sm text-gray-700">
          Reference for the instance&apos;s operators: <code className="rounded bg-gray-100 px-1">{error.digest}</code>
        </p>
      )}
      <div className="flex gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded-md border border-blue-800 bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Try again
        </button>
        <Link href="/" className="self-center font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
          See all elections
        </Link>
      </div>
    </div>
  );
}
