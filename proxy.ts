// Runs before every page (Next.js 16's successor of middleware.ts): gives each
// request its own CSP nonce. Next.js applies the nonce it finds in the
// request's Content-Security-Policy header to the scripts it renders; the
// response carries the same policy to the browser.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, makeNonce } from "@/lib/security/content-security-policy";

export function proxy(request: NextRequest) {
  const nonce = makeNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files carry no inline script. Nor does the answer to a server action
  // called by the page's JavaScript (the Next-Action header; an RSC payload, not
  // a document): skipping those keeps the ballot path fast. A form posted
  // without JavaScript carries no such header and gets a page, with its policy.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
