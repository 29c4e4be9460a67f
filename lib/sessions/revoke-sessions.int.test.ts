import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import { readAuthEnv } from "@/lib/auth/env";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-token";
import { prisma } from "@/lib/db/client";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { expectRefused, makeAdmin, makeUser } from "@/test/helpers/factories";
import { resolveCookie, signedInCookie } from "@/test/helpers/session-cookie";
import { revokeSessions } from "./revoke-sessions";

const lastAudit = () => prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });

describe("sign out everywhere", () => {
  it("ends every session of the person, including ones next-auth refreshed since", async () => {
    const person = await makeUser();
    const laptop = await signedInCookie(person.id);
    const phone = await signedInCookie(person.id);
    const before = await resolveCookie(laptop);
    expect(before.actor?.id).toBe(person.id);
    // next-auth re-issues the cookie on every session read, with a fresh iat: that one must die too.
    expect(before.refreshed).not.toBeNull();
    expect(before.refreshed!.value).not.toBe(laptop.value);
    expect((await resolveCookie(before.refreshed!)).actor?.id).toBe(person.id);

    expect(await revokeSessions(person, {})).toEqual({ userId: person.id });

    expect((await resolveCookie(laptop)).actor).toBeNull();
    expect((await resolveCookie(phone)).actor).toBeNull();
    expect((await resolveCookie(before.refreshed!)).actor).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: "sessions.revoked", actorId: person.id, electionId: null, details: { userId: person.id, by: "self" } });
  });

  it("lets the person sign in again afterwards: next-auth's jwt callback stamps the current version", async () => {
    const person = await makeUser();
    await revokeSessions(person, {});
    const env = readAuthEnv();
    const claims = await buildAuthOptions(env).callbacks!.jwt!({ token: {}, user: { id: person.id } } as never);
    expect(claims).toMatchObject({ sub: person.id, sv: 1 });
    const value = await encode({ token: claims, secret: env.nextAuthSecret, maxAge: SESSION_MAX_AGE_SECONDS });
    const fresh = { name: (await signedInCookie(person.id)).name, value };
    expect((await resolveCookie(fresh)).actor?.id).toBe(person.id);
  });

  it("lets an admin end another person's sessions, audited", async () => {
    const admin = await makeAdmin();
    const person = await makeUser();
    const cookie = await signedInCookie(person.id);
    const adminCookie = await signedInCookie(admin.id);
    expect(await revokeSessions(admin, { login: person.githubLogin!.toUpperCase() })).toEqual({ userId: person.id });
    expect((await resolveCookie(cookie)).actor).toBeNull();
    // Only that person's: the admin stays signed in.
    expect((await resolveCookie(adminCookie)).actor?.id).toBe(admin.id);
    expect(await lastAudit()).toMatchObject({ action: "sessions.revoked", actorId: admin.id, details: { userId: person.id, by: "admin" } });
    // By email too.
    await revokeSessions(admin, { login: person.email! });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ sessionVersion: 2 });
  });

  it("refuses anyone but an admin ending someone else's sessions, and changes nothing", async () => {
    const victim = await makeUser();
    const cookie = await signedInCookie(victim.id);
    const other = await makeUser();
    await expectRefused(() => revokeSessions(null, {}), ForbiddenError);
    await expectRefused(() => revokeSessions(null, { login: victim.githubLogin! }), ForbiddenError);
    await expectRefused(() => revokeSessions(other, { login: victim.githubLogin! }), ForbiddenError);
    await expectRefused(() => revokeSessions(other, { login: victim.email! }), ForbiddenError);
    expect((await resolveCookie(cookie)).actor?.id).toBe(victim.id);
  });

  it("refuses bad input and unknown people with a clear error, and changes nothing", async () => {
    const admin = await makeAdmin();
    const person = await makeUser();
    await expectRefused(() => revokeSessions(admin, { login: "" }), InvalidInputError);
    await expectRefused(() => revokeSessions(admin, { login: "x".repeat(400) }), InvalidInputError);
    await expectRefused(() => revokeSessions(person, { userId: admin.id } as never), InvalidInputError);
    await expectRefused(() => revokeSessions(admin, { login: "nobody-signed-in-as-this" }), NotFoundError, /Nobody called @nobody-signed-in-as-this has signed in to Hustings yet/);
  });
});
