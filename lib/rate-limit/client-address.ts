/**
 * The address a request came from, for per-client limits. Production runs
 * behind a load balancer that appends the real client to X-Forwarded-For, so
 * the LAST entry is the one a trusted hop wrote; earlier entries are whatever
 * the client chose to send. Next.js fills the header from the socket when no
 * proxy did.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const forwarded = get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const last = forwarded?.at(-1) ?? get("x-real-ip")?.trim();
  // IPv4-mapped IPv6 ("::ffff:127.0.0.1") and plain IPv4 are the same client.
  return last ? last.replace(/^::ffff:/, "") : "unknown";
}
