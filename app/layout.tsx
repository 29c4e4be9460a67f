import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { isDemoMode } from "@/lib/config/env";
import "./globals.css";

// Self-hosted: the instance must work offline and tell no font CDN who reads
// which election. Basic Latin is preloaded; Latin Extended (names such as
// "Łukasz" or "Dvořák") is a second family the browser falls back to per glyph.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});
const interExtended = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  preload: false,
  variable: "--font-inter-ext",
});

export const metadata: Metadata = {
  title: { default: "Hustings", template: "%s · Hustings" },
  description: "Elections for open-source governing committees: declarations, secret ranked ballots, counts anyone can re-check.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#f9fafb",
};

/**
 * `nav` is an optional parallel-route slot (`app/@nav/…`): the sign-in state
 * and menu live there, so this shell does not depend on the auth code.
 */
export default async function RootLayout({ children, nav }: { children: ReactNode; nav?: ReactNode }) {
  // Every page is rendered per request: a page prerendered at build time would
  // carry no CSP nonce (proxy.ts), and its scripts would be blocked.
  await connection();
  const demo = isDemoMode();
  return (
    <html lang="en" className={`${inter.variable} ${interExtended.variable}`}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-4 py-2 font-semibold text-blue-900 focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:shadow-lg"
        >
          Skip to content
        </a>
        {demo && (
          <p className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
            Demo instance: every person and election here is made up.{" "}
            <Link href="/demo" className="font-semibold underline underline-offset-2">
              Sign in as one of them
            </Link>
            .
          </p>
        )}
        <header className="border-b border-gray-300 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="rounded-sm text-xl font-bold tracking-tight text-gray-950 hover:text-blue-900">
              Hustings
            </Link>
            {nav}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-gray-300 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-gray-700">
            Hustings — secret ranked ballots, counted in the open. Every published result can be re-tallied offline.
          </div>
        </footer>
      </body>
    </html>
  );
}
