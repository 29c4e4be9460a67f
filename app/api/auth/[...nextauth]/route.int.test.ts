import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimitStore, limitSignIn } from "@/lib/rate-limit";
import { CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address";
import { GET, POST } from "./route";

afterAll(closeRateLimitStore);

const ctx = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

describe("/api/auth rate limit", () => {
  it("turns away sign-in callbacks from an address over its allowance, before next-auth runs", async () => {
    // The address as scripts/serve.ts hands it on (from the socket and the trusted proxy hops).
    const ip = `client-${randomUUID()}`;
    for (let i = 0; i < 30; i++) await limitSignIn(ip);

    const browser = await GET(
      new NextRequest("http://localhost:3000/api/auth/callback/oidc?code=x&state=y", { headers: { [CLIENT_ADDRESS_HEADER]: ip } }),
      ctx("callback", "oidc"),
    );
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toMatch(/\/signin\?error=RateLimited$/);

    const fetched = await POST(
      new NextRequest("http://localhost:3000/api/auth/callback/demo", {
        method: "POST",
        headers: { [CLIENT_ADDRESS_HEADER]: ip, "content-type": "application/x-www-form-urlencoded" },
        body: "userId=someone&json=true",
      }),
      ctx("callback", "demo"),
    );
    expect(fetched.status).toBe(429);
    expect((await fetched.json()).url).toMatch(/\/signin\?error=RateLimited$/);
  });
});
