/**
 * Where to go after signing in: only a path on this site. An absolute or
 * protocol-relative URL ("//evil.example") would make sign-in an open redirect.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
