import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, dropScratchTemplate, type ScratchDatabase } from "@/test/helpers/scratch-database";
import { demoRefusal, inspectDemoDatabaseAt } from "./demo-database";
import { seedDemo } from "./seed-demo";

const RECEIPT_SECRET = "demo-database-test-receipt-secret-0123456789";
const made: ScratchDatabase[] = [];
const scratch = async (migrated: boolean) => {
  const db = await createScratchDatabase({ migrated });
  made.push(db);
  return db;
};

afterAll(async () => {
  for (const db of made) await db.drop();
  await dropScratchTemplate();
});

describe("the demo database check", () => {
  it("accepts a database without any table (a first start)", async () => {
    const db = await scratch(false);
    expect(await inspectDemoDatabaseAt(db.url)).toEqual({ ok: true, state: "empty" });
  });

  it("accepts a migrated, empty database", async () => {
    const db = await scratch(true);
    expect(await inspectDemoDatabaseAt(db.url)).toEqual({ ok: true, state: "empty" });
  });

  it("accepts the database the demo seed made, and marks it only then", async () => {
    const db = await scratch(true);
    expect(await seedDemo(db.prisma(), { receiptSecret: RECEIPT_SECRET })).toEqual({ seeded: true });
    expect(await db.prisma().demoMarker.count()).toBe(1);
    expect(await inspectDemoDatabaseAt(db.url)).toEqual({ ok: true, state: "demo" });
    // A second start seeds nothing more.
    expect(await seedDemo(db.prisma(), { receiptSecret: RECEIPT_SECRET })).toEqual({ seeded: false });
    expect(await db.prisma().election.count()).toBe(3);
  });

  it("refuses a demo database someone signed in to through a real provider", async () => {
    const db = await scratch(true);
    await seedDemo(db.prisma(), { receiptSecret: RECEIPT_SECRET });
    const vera = await db.prisma().user.findUniqueOrThrow({ where: { email: "vera@example.org" } });
    await db.prisma().account.create({ data: { userId: vera.id, type: "oauth", provider: "github", providerAccountId: "4242" } });
    const verdict = await inspectDemoDatabaseAt(db.url);
    expect(verdict).toEqual({ ok: false, reason: "real-accounts", accounts: 1, providers: ["github"] });
  });

  it("refuses a database holding real people, and the demo seed leaves it alone", async () => {
    const db = await scratch(true);
    const user = await db.prisma().user.create({ data: { name: "Real Person", email: "real@example.com", githubLogin: "real-person" } });
    await db.prisma().account.create({ data: { userId: user.id, type: "oauth", provider: "oidc", providerAccountId: "sub-1" } });
    await db.prisma().election.create({ data: { community: { create: { slug: "real", name: "Real community" } }, slug: "real-election", title: "Real election", seats: 1 } });
    const verdict = await inspectDemoDatabaseAt(db.url);
    expect(verdict).toMatchObject({ ok: false, reason: "real-accounts", accounts: 1, providers: ["oidc"] });

    // HUSTINGS_SEED=demo (or `npm run seed`) must not seed into it nor mark it a demo.
    expect(await seedDemo(db.prisma(), { receiptSecret: RECEIPT_SECRET })).toEqual({ seeded: false });
    expect(await db.prisma().election.count()).toBe(1);
    expect(await db.prisma().demoMarker.count()).toBe(0);
  });

  it("refuses an unmarked database that holds data, even without any sign-in", async () => {
    const db = await scratch(true);
    // People provisioned by hand (e.g. imported declarations' authors) but nobody signed in yet.
    await db.prisma().user.create({ data: { name: "Imported", email: "imported@example.com" } });
    const verdict = await inspectDemoDatabaseAt(db.url);
    expect(verdict).toEqual({ ok: false, reason: "not-demo", tablesWithRows: ["User"], users: 1, elections: 0 });
    expect(await seedDemo(db.prisma(), { receiptSecret: RECEIPT_SECRET })).toEqual({ seeded: false });
    expect(await db.prisma().user.count()).toBe(1);
  });

  it("refuses a database of something else entirely", async () => {
    const db = await scratch(false);
    const c = db.prisma();
    await c.$executeRawUnsafe(`CREATE TABLE invoices (id int)`);
    await c.$executeRawUnsafe(`INSERT INTO invoices VALUES (1)`);
    expect(await inspectDemoDatabaseAt(db.url)).toMatchObject({ ok: false, reason: "not-demo", tablesWithRows: ["invoices"] });
  });

  it("explains the refusal: what holds the data and what to set", () => {
    const real = demoRefusal({ ok: false, reason: "real-accounts", accounts: 2, providers: ["github", "oidc"] }, "the data folder .data/pg");
    expect(real).toMatch(/^Refusing to start in demo mode: the data folder \.data\/pg holds 2 identities from a real sign-in provider \(github, oidc\)/);
    expect(real).toMatch(/GITHUB_ID and GITHUB_SECRET, or OIDC_ISSUER/);
    expect(real).toMatch(/HUSTINGS_PG_DIR/);
    const unmarked = demoRefusal({ ok: false, reason: "not-demo", tablesWithRows: ["Election", "User"], users: 1, elections: 4 }, "x");
    expect(unmarked).toMatch(/x holds data \(1 person, 4 elections; tables with rows: Election, User\) and is not a demo database/);
  });
});
