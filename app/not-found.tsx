import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-prose space-y-4">
      <h1 className="text-3xl font-bold tracking-tight text-gray-950">Page not found</h1>
      <p>There is nothing at this address. The election may have moved, or it may not be public yet.</p>
      <p>
        <Link href="/" className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
          See all elections
        </Link>
      </p>
    </div>
  );
}
