/**
 * Where to go after signing in: only a path on this site. An absolute or
 * protocol-relative URL ("//evil.example") would make sign-in an open redirect.
 * Browsers drop tabs and newlines anywhere in a URL and treat "\" like "/", so
 * "/<tab>/evil.example" is "//evil.example" to them: control characters,
 * spaces and backslashes are refused outright.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
  return value;
}
