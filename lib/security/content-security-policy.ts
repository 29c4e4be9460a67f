// The Content-Security-Policy of every page, with a fresh nonce per request
// (set by proxy.ts). Next.js reads the nonce from the request's CSP header and
// puts it on every script it renders, so no inline script needs 'unsafe-inline'
// and an injected <script> without the nonce does not run.

/**
 * Sign-in forms post to our own /api/auth, which redirects to the identity
 * provider; browsers apply form-action to that redirect, so the provider's
 * origin must be allowed or sign-in silently stops.
 */
function signInOrigins(env: Record<string, string | undefined>): string[] {
  const origins: string[] = [];
  if (env.GITHUB_ID) origins.push("https://github.com");
  const issuer = env.OIDC_ISSUER;
  if (issuer) {
    try {
      origins.push(new URL(issuer).origin);
    } catch {
      // lib/config/env.ts reports a malformed OIDC_ISSUER by name at start.
    }
  }
  return origins;
}

/** 128 random bits, base64: unguessable, and valid in a CSP nonce-source. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; env?: Record<string, string | undefined> }): string {
  const { dev, env = process.env } = options;
  return [
    "default-src 'self'",
    // Our own files, and inline scripts only with this response's nonce. Dev's React uses eval.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes (drag and drop); a style cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${signInOrigins(env).join(" ")}`.trim(),
    "frame-ancestors 'none'",
  ].join("; ");
}
