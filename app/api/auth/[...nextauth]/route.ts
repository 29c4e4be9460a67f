import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { readAuthEnv } from "@/lib/auth/env";
import { RateLimitedError } from "@/lib/errors";
import { clientAddress, limitSignIn } from "@/lib/rate-limit";

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

/**
 * next-auth's endpoints, with sign-in attempts rate-limited per client address
 * across all instances. Only callbacks count: that is where a provider's code
 * is redeemed or demo credentials are checked; the other endpoints only redirect.
 */
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth?.[0] === "callback") {
    try {
      await limitSignIn(clientAddress(req.headers));
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      // Absolute: next-auth/react's signIn() parses the URL it gets back.
      const target = new URL("/signin?error=RateLimited", readAuthEnv().nextAuthUrl);
      // A credentials sign-in arrives by fetch and reads a JSON body; an OAuth callback is a browser navigation.
      return req.method === "POST"
        ? Response.json({ url: target.toString() }, { status: 429 })
        : Response.redirect(target, 303);
    }
  }
  return NextAuth(req, ctx, getAuthOptions());
}

export { handler as GET, handler as POST };
