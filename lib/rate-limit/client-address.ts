/**
 * The address a request came from, for per-client limits.
 *
 * X-Forwarded-For is a list anyone can start: a client sends whatever entries
 * it likes, and each proxy appends the address it received the request from.
 * Only the entries written by proxies we run can be believed, so the server
 * (scripts/serve.ts) counts `hops` trusted proxies in from the right of
 * [...X-Forwarded-For, socket address] and hands the result to the app in
 * CLIENT_ADDRESS_HEADER, after deleting whatever the client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = "x-hustings-client-address";

/**
 * With no trusted proxy (hops 0) the socket's peer is the client; with N, the
 * entry the Nth proxy wrote. A request with fewer entries than that did not pass
 * through every proxy, so the leftmost address we have is the best we know.
 */
export function resolveClientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, hops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ""].filter(Boolean);
  const picked = chain.at(-1 - hops) ?? chain[0];
  return picked ? normalize(picked) : "unknown";
}

// IPv4-mapped IPv6 ("::ffff:127.0.0.1") and plain IPv4 are the same client.
function normalize(address: string): string {
  return address.replace(/^::ffff:/i, "");
}

/**
 * What the app uses: the address the server computed. Without our server in
 * front (e.g. `next dev`) every request shares one bucket, which throttles too
 * much rather than letting a header choose the bucket.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const v = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const address = (Array.isArray(v) ? v[0] : v)?.trim();
  return address ? address : "unknown";
}
