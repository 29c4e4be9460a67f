import { randomUUID } from "node:crypto";
import type { Adapter } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import { createScratchDatabase, dropScratchTemplate, type ScratchDatabase } from "@/test/helpers/scratch-database";
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
  const community = await prisma.community.create({ data: { slug: `auth-${tag}`, name: `Auth test ${tag}` } });
  const election = await prisma.election.create({ data: { communityId: community.id, slug: `auth-${tag}`, title: `Auth test ${tag}`, seats: 1 } });
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

let scratch: Promise<ScratchDatabase> | undefined;

/** A database of its own that the demo seed made (the shared one is not, and must not be, a demo database). */
function demoDatabase(): Promise<ScratchDatabase> {
  scratch ??= (async () => {
    const db = await createScratchDatabase({ migrated: true });
    await seedDemo(db.prisma(), { receiptSecret: "demo-mode-test-receipt-secret-0123456789" });
    return db;
  })();
  return scratch;
}

afterAll(async () => {
  await (await scratch)?.drop();
  await dropScratchTemplate();
  await prisma.election.deleteMany({ where: { slug: `auth-${tag}` } });
  await prisma.community.deleteMany({ where: { slug: `auth-${tag}` } });
  await prisma.user.deleteMany({ where: { OR: [{ name: { endsWith: tag } }, { email: { contains: tag } }] } });
});

describe("demo sign-in", () => {
  it("signs in as a seeded person only in demo mode, on a database the demo seed made", async () => {
    const demo = await demoDatabase();
    const vera = await demo.prisma().user.findUniqueOrThrow({ where: { email: "vera@example.org" } });
    await expect(authorizeDemoUser({ userId: vera.id }, DEMO, demo.prisma())).resolves.toMatchObject({ id: vera.id, sessionVersion: 0 });
    await expect(authorizeDemoUser({ userId: vera.id }, NOT_DEMO, demo.prisma())).resolves.toBeNull();
    // A configured identity provider switches demo sign-in off even with HUSTINGS_DEMO=1.
    await expect(authorizeDemoUser({ userId: vera.id }, DEMO_WITH_OIDC, demo.prisma())).resolves.toBeNull();
  });

  it("refuses everyone on a database the demo seed did not mark", async () => {
    // The shared test database holds people but no demo marker: a real instance, as far as demo sign-in knows.
    await expect(authorizeDemoUser({ userId: ids.voter }, DEMO)).resolves.toBeNull();
    const demo = await demoDatabase();
    const vera = await demo.prisma().user.findUniqueOrThrow({ where: { email: "vera@example.org" } });
    const marker = await demo.prisma().demoMarker.findFirstOrThrow();
    await demo.prisma().demoMarker.deleteMany();
    try {
      await expect(authorizeDemoUser({ userId: vera.id }, DEMO, demo.prisma())).resolves.toBeNull();
    } finally {
      await demo.prisma().demoMarker.create({ data: marker });
    }
  });

  it("refuses a person with a real provider identity, and then everyone", async () => {
    const demo = await demoDatabase();
    const [vera, wen] = await Promise.all(
      ["vera@example.org", "wen@example.org"].map((email) => demo.prisma().user.findUniqueOrThrow({ where: { email } })),
    );
    await expect(authorizeDemoUser({ userId: wen.id }, DEMO, demo.prisma())).resolves.toMatchObject({ id: wen.id });
    // Someone signed in to the demo through GitHub: that identity is real and must never be impersonable,
    // and the database now holds a real person, so demo sign-in is off for all.
    await demo.prisma().account.create({ data: { userId: wen.id, type: "oauth", provider: "github", providerAccountId: `gh-${tag}` } });
    await expect(authorizeDemoUser({ userId: wen.id }, DEMO, demo.prisma())).resolves.toBeNull();
    await expect(authorizeDemoUser({ userId: vera.id }, DEMO, demo.prisma())).resolves.toBeNull();
  });

  it("never lists a person with a real provider identity", async () => {
    const real = await prisma.user.create({ data: { name: `real ${tag}`, email: `real-${tag}@example.org` } });
    await prisma.account.create({ data: { userId: real.id, type: "oauth", provider: "oidc", providerAccountId: `real-${tag}` } });
    const listed = (await listDemoPeople(1000, DEMO)).map((p) => p.id);
    expect(listed).toContain(ids.voter);
    expect(listed).not.toContain(real.id);
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
