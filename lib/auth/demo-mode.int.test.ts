import { randomUUID } from "node:crypto";
import type { Adapter } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import { actorFromUser } from "./current-actor";
import { buildAuthOptions } from "./auth-options";
import { authorizeDemoUser, listDemoPeople } from "./demo";
import { authEnvFrom } from "./env";

const tag = randomUUID().slice(0, 8);
// An admin login of this run's own: the shared test database may already hold
// the seeded demo admin ("ada-admin"), and logins are unique.
const ADMIN_LOGIN = `adm-${tag}`;

const DEMO = authEnvFrom(loadEnv({ HUSTINGS_DEMO: "1", HUSTINGS_ADMINS: ADMIN_LOGIN }));
const DEMO_WITH_OIDC = authEnvFrom(
  loadEnv({ HUSTINGS_DEMO: "1", OIDC_ISSUER: "http://127.0.0.1:4010", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" }),
);
const NOT_DEMO = authEnvFrom(loadEnv({}));

const ids: Record<string, string> = {};

beforeAll(async () => {
  const election = await prisma.election.create({ data: { slug: `auth-${tag}`, title: `Auth test ${tag}`, seats: 1 } });
  const mk = (key: string, login: string | null) =>
    prisma.user.create({ data: { name: `${key} ${tag}`, email: `${key}-${tag}@example.org`, githubLogin: login } });
  const admin = await prisma.user.create({ data: { name: `admin ${tag}`, email: `a-${tag}@example.org`, githubLogin: ADMIN_LOGIN } });
  const official = await mk("official", `off-${tag}`);
  const candidate = await mk("candidate", `cand-${tag}`);
  const voter = await mk("voter", null);
  Object.assign(ids, { admin: admin.id, official: official.id, candidate: candidate.id, voter: voter.id, election: election.id });
  await prisma.official.create({ data: { electionId: election.id, userId: official.id } });
  await prisma.candidacy.create({
    data: { electionId: election.id, userId: candidate.id, displayName: "C", email: candidate.email!, statement: "hi" },
  });
  // The roll stores lower-cased emails; the user row keeps whatever case they were given.
  await prisma.electorateEntry.create({ data: { electionId: election.id, email: `voter-${tag}@example.org` } });
});

afterAll(async () => {
  await prisma.election.deleteMany({ where: { slug: `auth-${tag}` } });
  await prisma.user.deleteMany({ where: { OR: [{ name: { endsWith: tag } }, { email: { contains: tag } }] } });
});

describe("demo sign-in", () => {
  it("signs in as a seeded person only in demo mode", async () => {
    await expect(authorizeDemoUser({ userId: ids.voter }, DEMO)).resolves.toMatchObject({ id: ids.voter });
    await expect(authorizeDemoUser({ userId: ids.voter }, NOT_DEMO)).resolves.toBeNull();
    // A configured identity provider switches demo sign-in off even with HUSTINGS_DEMO=1.
    await expect(authorizeDemoUser({ userId: ids.voter }, DEMO_WITH_OIDC)).resolves.toBeNull();
  });

  it("refuses malformed input and unknown people", async () => {
    await expect(authorizeDemoUser({ userId: "nobody" }, DEMO)).resolves.toBeNull();
    await expect(authorizeDemoUser({ userId: "" }, DEMO)).resolves.toBeNull();
    await expect(authorizeDemoUser({ userId: { not: "a string" } }, DEMO)).resolves.toBeNull();
    await expect(authorizeDemoUser(undefined, DEMO)).resolves.toBeNull();
  });

  it("registers the demo provider only in demo mode", () => {
    // Built-in providers keep the configured id in `options` until next-auth merges it.
    const ids = (env: typeof DEMO) =>
      buildAuthOptions(env).providers.map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);
    expect(ids(DEMO)).toEqual(["demo"]);
    expect(ids(NOT_DEMO)).toEqual([]);
    expect(ids(DEMO_WITH_OIDC)).toEqual(["oidc"]);
  });

  it("lists people with their roles, most powerful first", async () => {
    const people = (await listDemoPeople(1000, DEMO)).filter((p) => p.name?.endsWith(tag));
    expect(people.map((p) => [p.id, p.roles])).toEqual([
      [ids.admin, ["admin"]],
      [ids.official, ["official"]],
      [ids.candidate, ["candidate"]],
      [ids.voter, ["voter"]],
    ]);
    expect(people[1].details).toEqual([`Official of Auth test ${tag}`]);
    expect(people[3].details).toEqual([`Voter in Auth test ${tag}`]);
  });
});

describe("actor", () => {
  it("takes admin status from the configuration, matched against the stored identity", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { id: ids.admin } });
    expect(actorFromUser(admin).isAdmin).toBe(false); // HUSTINGS_ADMINS is unset in the test run
    expect(actorFromUser({ ...admin, githubLogin: null })).toMatchObject({ id: ids.admin, isAdmin: false, githubLogin: null });
  });
});

describe("adapter", () => {
  const adapter = buildAuthOptions(NOT_DEMO).adapter as Required<Adapter>;

  it("lets a never-signed-in person be claimed by their verified email, once", async () => {
    const email = `voter-${tag}@example.org`;
    const claimed = await adapter.getUserByEmail(email.toUpperCase());
    expect(claimed?.id).toBe(ids.voter);
    await adapter.linkAccount({ userId: ids.voter, type: "oauth", provider: "oidc", providerAccountId: `sub-${tag}`, access_token: "secret-token" });
    const account = await prisma.account.findUniqueOrThrow({ where: { provider_providerAccountId: { provider: "oidc", providerAccountId: `sub-${tag}` } } });
    // Provider tokens are never stored.
    expect(account.access_token).toBeNull();
    // Now that the person has an account, the email no longer opens it to another provider.
    await expect(adapter.getUserByEmail(email)).rejects.toMatchObject({ name: "AccountNotLinkedError" });
    await expect(adapter.getUserByEmail(`nobody-${tag}@example.org`)).resolves.toBeNull();
  });

  it("creates users with their GitHub login, taking it from a stale holder", async () => {
    const login = `cand-${tag}`;
    const created = await adapter.createUser({
      name: `renamed ${tag}`,
      email: `new-${tag}@example.org`,
      emailVerified: new Date(),
      image: null,
      githubLogin: login,
    } as never);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ githubLogin: login });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: ids.candidate } })).toMatchObject({ githubLogin: null });
  });
});
