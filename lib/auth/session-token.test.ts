import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/config/env";
import { authEnvFrom } from "./env";
import { mintSessionCookie, sessionCookieName } from "./session-token";

const secret = "x".repeat(40);

describe("demo session cookie", () => {
  it("is the cookie next-auth itself reads, naming only the user id and their session version", async () => {
    const env = authEnvFrom(loadEnv({ NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "http://127.0.0.1:3100" }));
    const cookie = await mintSessionCookie("user-1", env);
    expect(cookie.name).toBe("next-auth.session-token");
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
    const token = await decode({ token: cookie.value, secret });
    expect(token?.sub).toBe("user-1");
    expect(token?.sv).toBe(0);
    expect(Object.keys(token ?? {}).sort()).toEqual(["exp", "iat", "jti", "sub", "sv"]);
    expect((await decode({ token: (await mintSessionCookie("user-1", env, 3)).value, secret }))?.sv).toBe(3);
    await expect(decode({ token: cookie.value, secret: "y".repeat(40) })).rejects.toThrow();
  });

  it("uses next-auth's __Secure- cookie over https", () => {
    const env = authEnvFrom(loadEnv({ NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "https://vote.example.org" }));
    expect(sessionCookieName(env)).toEqual({ name: "__Secure-next-auth.session-token", secure: true });
  });
});
