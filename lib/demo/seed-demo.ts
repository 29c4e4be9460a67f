// The demo instance `npm start` opens on (PRODUCT §10): three made-up
// communities on one instance, each with its own admin and elections in the
// interesting phases, and people to sign in as at /demo. Every person, company
// and project here is fictional and written for Hustings; the addresses use
// the reserved example.org domain. People: ./people.ts; communities:
// ./communities.ts; the imported Kata election: ./kata-election.ts.
import type { Actor } from "@/lib/auth/actor";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { recordCheckpoint } from "@/lib/audit/record-checkpoint";
import { CommunityFields } from "@/lib/communities/community-input";
import { env } from "@/lib/config/env";
import type { Tx } from "@/lib/db/client";
import { buildElectionInput } from "@/lib/elections/election-input";
import { importKataElectionIn } from "@/lib/elections/import-kata-election";
import type { StoredResult } from "@/lib/elections/tally-election";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { tally } from "@/lib/tally";
import { castDemoBallots } from "./cast-demo-ballots";
import { DEMO_COMMUNITIES, type DemoCommunityKey } from "./communities";
import { inspectDemoDatabase, type DemoDatabaseVerdict } from "./demo-database";
import { demoKataElection } from "./kata-election";
import { ADMIN, CANDIDATES, emailOf, EVERYONE, EVERYONE_BUT_STAFF, OFFICIAL } from "./people";
import { STATEMENTS } from "./statements";

export { DEMO_COMMUNITIES } from "./communities";

export const DEMO_SLUGS = {
  nominations: "lighthouse-tsc-2026",
  voting: "harbor-ac-spring-2026",
  published: "beacon-board-2025",
} as const;

export type DemoElectionKey = keyof typeof DEMO_SLUGS;

/** The community each demo election belongs to. */
export const DEMO_ELECTION_COMMUNITY: Record<DemoElectionKey, DemoCommunityKey> = {
  nominations: "lighthouse",
  voting: "harbor",
  published: "beacon",
};

/**
 * Seeds the demo once, and only into an empty database, which it then marks
 * as a demo database (DemoMarker, see demo-database.ts). Does nothing when the
 * database holds anything (a real instance, or a demo seeded before), so every
 * `npm start` may call it. `evenIfElectionsExist` lets the tests seed a shared
 * database without marking it; it still does nothing if the demo elections are there.
 */
export async function seedDemo(
  prisma: PrismaClient,
  options: { receiptSecret?: string; now?: Date; evenIfElectionsExist?: boolean } = {},
): Promise<{ seeded: boolean }> {
  const receiptSecret = options.receiptSecret ?? env().receiptSecret;
  const now = options.now ?? new Date();
  const needed = async (db: Tx | PrismaClient) =>
    options.evenIfElectionsExist
      ? (await db.election.count({ where: { slug: { in: Object.values(DEMO_SLUGS) } } })) === 0
      : isEmpty(await inspectDemoDatabase((sql) => db.$queryRawUnsafe(sql)));
  if (!(await needed(prisma))) return { seeded: false };

  return prisma.$transaction(
    async (tx) => {
      // Two instances starting together must not both seed.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7248532)`;
      if (!(await needed(tx))) return { seeded: false };
      const people = await createPeople(tx);
      const ctx: SeedContext = { tx, people, communities: new Map(), now, receiptSecret };
      for (const key of Object.keys(DEMO_COMMUNITIES) as DemoCommunityKey[]) await createCommunity(ctx, key);
      await seedNominations(ctx);
      await seedVoting(ctx);
      await seedPublished(ctx);
      await seedImported(ctx);
      if (!options.evenIfElectionsExist) await tx.demoMarker.create({ data: {} });
      return { seeded: true };
    },
    { timeout: 60_000 },
  );
}

const isEmpty = (v: DemoDatabaseVerdict) => v.ok && v.state === "empty";

interface SeedContext {
  tx: Tx;
  people: Map<string, Actor>;
  /** Community key → id. */
  communities: Map<DemoCommunityKey, string>;
  now: Date;
  receiptSecret: string;
}

async function createPeople(tx: Tx): Promise<Map<string, Actor>> {
  const people = new Map<string, Actor>();
  for (const p of EVERYONE) {
    const user = await tx.user.upsert({
      where: { email: emailOf(p) },
      update: {},
      create: { name: p.name, email: emailOf(p), githubLogin: p.login, emailVerified: new Date() },
    });
    people.set(p.key, { id: user.id, name: user.name, email: user.email, githubLogin: user.githubLogin, isAdmin: p === ADMIN });
  }
  return people;
}

/**
 * A community as an instance admin makes it (created, then its admin
 * appointed, both in the audit log), validated like the admin page's form.
 */
async function createCommunity(ctx: SeedContext, key: DemoCommunityKey) {
  const { tx } = ctx;
  const instanceAdmin = person(ctx, ADMIN.key);
  const { slug, admin: adminKey, ...fields } = DEMO_COMMUNITIES[key];
  const data = CommunityFields.parse(fields);
  const community = await tx.community.create({ data: { slug, ...data } });
  await appendAuditEntry(tx, { electionId: null, communityId: community.id, actor: instanceAdmin, action: "community.created", details: { slug, name: data.name } });
  const admin = person(ctx, adminKey);
  await tx.communityAdmin.create({ data: { communityId: community.id, userId: admin.id } });
  await appendAuditEntry(tx, { electionId: null, communityId: community.id, actor: instanceAdmin, action: "community.admin-appointed", details: { userId: admin.id, login: admin.githubLogin } });
  ctx.communities.set(key, community.id);
}

function communityId(ctx: SeedContext, key: DemoCommunityKey): string {
  const id = ctx.communities.get(key);
  if (!id) throw new Error(`seed: community ${key} not created yet`);
  return id;
}

const DAY = 24 * 60 * 60 * 1000;
const shift = (now: Date, days: number) => new Date(now.getTime() + days * DAY);

async function createElection(
  ctx: SeedContext,
  data: {
    key: DemoElectionKey;
    slug: string;
    title: string;
    description: string;
    seats: number;
    maxPerAffiliation: number | null;
    continuingMembers?: { name: string; affiliation: string }[];
    schedule: { nominationsOpenAt: Date; nominationsCloseAt: Date; votingOpenAt: Date; votingCloseAt: Date };
    electorate: string[];
  },
) {
  const { tx, people } = ctx;
  // Elections are made, and their officials appointed, by the community's own admin.
  const community = DEMO_ELECTION_COMMUNITY[data.key];
  const admin = person(ctx, DEMO_COMMUNITIES[community].admin);
  const official = person(ctx, OFFICIAL.key);
  const election = await tx.election.create({
    data: {
      communityId: communityId(ctx, community),
      slug: data.slug,
      title: data.title,
      description: data.description,
      seats: data.seats,
      maxPerAffiliation: data.maxPerAffiliation,
      continuingMembers: data.continuingMembers ?? [],
      ...data.schedule,
    },
  });
  const electionId = election.id;
  await appendAuditEntry(tx, { electionId, actor: admin, action: "election.created", details: { slug: data.slug, title: data.title, seats: data.seats } });
  await tx.official.create({ data: { electionId, userId: official.id } });
  await appendAuditEntry(tx, { electionId, actor: admin, action: "official.appointed", details: { userId: official.id, login: OFFICIAL.login } });
  await appendAuditEntry(tx, {
    electionId,
    actor: official,
    action: "election.schedule-updated",
    details: Object.fromEntries(Object.entries(data.schedule).map(([k, v]) => [k, v.toISOString()])),
  });
  await tx.electorateEntry.createMany({
    data: data.electorate.map((key) => {
      const p = people.get(key);
      if (!p) throw new Error(`seed: unknown person ${key}`);
      return { electionId, githubLogin: p.githubLogin, email: p.email, name: p.name };
    }),
  });
  await appendAuditEntry(tx, {
    electionId,
    actor: official,
    action: "electorate.imported",
    details: { mode: "replace", listed: data.electorate.length, added: data.electorate.length, total: data.electorate.length },
  });
  await tx.election.update({ where: { id: electionId }, data: { state: "SCHEDULED" } });
  await appendAuditEntry(tx, { electionId, actor: official, action: "election.opened" });
  return election;
}

function person(ctx: SeedContext, key: string): Actor {
  const p = ctx.people.get(key);
  if (!p) throw new Error(`seed: unknown person ${key}`);
  return p;
}

async function declare(ctx: SeedContext, electionId: string, key: string, status: "SUBMITTED" | "ACCEPTED" | "WITHDRAWN" = "ACCEPTED", platform?: string): Promise<string> {
  const { tx } = ctx;
  const p = CANDIDATES.find((c) => c.key === key);
  if (!p) throw new Error(`seed: ${key} is not a candidate`);
  const user = person(ctx, key);
  const fields = { displayName: p.name, email: emailOf(p), githubLogin: p.login, affiliation: p.affiliation ?? "none", platform: platform ?? null, statement: STATEMENTS[key] };
  const c = await tx.candidacy.create({
    data: { electionId, userId: user.id, status, ...fields, revisions: { create: { number: 1, editedById: user.id, ...fields } } },
  });
  if (status === "ACCEPTED") {
    await appendAuditEntry(tx, { electionId, actor: person(ctx, "olu"), action: "candidacy.accepted", details: { candidacyId: c.id, displayName: p.name } });
  }
  return c.id;
}

/** Nominations open now: some declarations accepted, one awaiting review, one withdrawn. */
async function seedNominations(ctx: SeedContext) {
  const e = await createElection(ctx, {
    key: "nominations",
    slug: DEMO_SLUGS.nominations,
    title: "Lighthouse Technical Steering Committee 2026",
    description: `The Technical Steering Committee sets Lighthouse's technical direction and settles disputes that maintainers cannot.

Four seats are up. At most two members may share an employer. Any contributor with a merged change in the last twelve months may stand and vote; if you are missing from the roll, ask for an exception on this page.`,
    seats: 4,
    maxPerAffiliation: 2,
    schedule: { nominationsOpenAt: shift(ctx.now, -5), nominationsCloseAt: shift(ctx.now, 9), votingOpenAt: shift(ctx.now, 16), votingCloseAt: shift(ctx.now, 23) },
    // Zara is left off the roll so the demo has an exception request to decide.
    electorate: EVERYONE_BUT_STAFF.filter((k) => k !== "zara"),
  });
  await declare(ctx, e.id, "grace", "ACCEPTED", "Operators and packaging");
  await declare(ctx, e.id, "jonas", "ACCEPTED", "Arm");
  await declare(ctx, e.id, "samir", "ACCEPTED");
  await declare(ctx, e.id, "mei", "SUBMITTED", "API");
  await declare(ctx, e.id, "hannah", "WITHDRAWN");
  await ctx.tx.exceptionRequest.create({
    data: {
      electionId: e.id,
      userId: person(ctx, "zara").id,
      reason: "I maintain the Lighthouse Helm chart in a separate repository, so my commits are not counted by the roll script.",
    },
  });
}

/** Voting open now, with a few ballots already in; most demo voters have yet to vote. */
async function seedVoting(ctx: SeedContext) {
  const e = await createElection(ctx, {
    key: "voting",
    slug: DEMO_SLUGS.voting,
    title: "Harbor Project Architecture Committee — Spring 2026",
    description: `The Architecture Committee reviews designs that cross component boundaries and owns the project's long-term roadmap.

Three of its five seats are up. No more than two members may work for the same company, counting the two members whose seats are not up: Ines Duarte (Saltmarsh Computing) and Kwame Asante (Copperleaf Cloud).`,
    seats: 3,
    maxPerAffiliation: 2,
    continuingMembers: [
      { name: "Ines Duarte", affiliation: "Saltmarsh Computing" },
      { name: "Kwame Asante", affiliation: "Copperleaf Cloud" },
    ],
    schedule: { nominationsOpenAt: shift(ctx.now, -24), nominationsCloseAt: shift(ctx.now, -12), votingOpenAt: shift(ctx.now, -2), votingCloseAt: shift(ctx.now, 5) },
    electorate: ["ada", "olu", ...EVERYONE_BUT_STAFF],
  });
  const ids = new Map<string, string>();
  for (const key of ["priya", "hannah", "mateo", "jonas", "grace", "mei"]) ids.set(key, await declare(ctx, e.id, key));
  await castDemoBallots(ctx.tx, ctx.receiptSecret, e.id, ["ravi", "elena", "zara"].map((k) => person(ctx, k)), ids, 2026);
}

/** Counted and published: the result page, the heat-map and the ballot list have something to show. */
async function seedPublished(ctx: SeedContext) {
  const { tx } = ctx;
  const e = await createElection(ctx, {
    key: "published",
    slug: DEMO_SLUGS.published,
    title: "Beacon Foundation Board 2025",
    description: `The Beacon Foundation's board has three community seats, elected for one year. To keep the board independent of any one vendor, at most one community seat may go to each company.`,
    seats: 3,
    maxPerAffiliation: 1,
    schedule: {
      nominationsOpenAt: new Date("2025-09-15T12:00:00Z"),
      nominationsCloseAt: new Date("2025-09-29T12:00:00Z"),
      votingOpenAt: new Date("2025-10-06T12:00:00Z"),
      votingCloseAt: new Date("2025-10-20T12:00:00Z"),
    },
    electorate: ["ada", "olu", ...EVERYONE_BUT_STAFF],
  });
  const ids = new Map<string, string>();
  for (const key of ["mateo", "samir", "mei", "grace", "jonas", "hannah"]) ids.set(key, await declare(ctx, e.id, key));
  const voters = ["ada", ...EVERYONE_BUT_STAFF].filter((k) => !["hannah", "noah", "tomasz"].includes(k));
  await castDemoBallots(ctx.tx, ctx.receiptSecret, e.id, voters.map((k) => person(ctx, k)), ids, 2025, { abstentions: 1 });

  const official = person(ctx, "olu");
  await tx.election.update({ where: { id: e.id }, data: { state: "CLOSED" } });
  await appendAuditEntry(tx, { electionId: e.id, actor: official, action: "voting.closed", details: { participations: voters.length } });

  const closed = await tx.election.findUniqueOrThrow({ where: { id: e.id } });
  const result = tally(await buildElectionInput(tx, closed));
  const data: StoredResult = { ...result, turnout: { voted: voters.length, electorate: await tx.electorateEntry.count({ where: { electionId: e.id } }) } };
  await tx.result.create({
    data: {
      electionId: e.id,
      data: JSON.parse(JSON.stringify(data)),
      ballotHash: result.ballotHash,
      talliedById: official.id,
      talliedAt: new Date("2025-10-21T09:00:00Z"),
      publishedAt: new Date("2025-10-22T09:00:00Z"),
    },
  });
  await tx.election.update({ where: { id: e.id }, data: { state: "TALLIED" } });
  const tallied = await appendAuditEntry(tx, { electionId: e.id, actor: official, action: "election.tallied", details: { ballots: result.ballots, winners: result.winners, ballotHash: result.ballotHash } });
  await recordCheckpoint(tx, e.id, "tallied", tallied);
  await tx.election.update({ where: { id: e.id }, data: { state: "PUBLISHED" } });
  const published = await appendAuditEntry(tx, { electionId: e.id, actor: official, action: "results.published", details: { ballotHash: result.ballotHash } });
  await recordCheckpoint(tx, e.id, "published", published);
}

/**
 * A draft in Harbor built from the Kata folder the seed ships, imported the
 * way an upload is (by Harbor's admin, declarations SUBMITTED and userless),
 * with Olu appointed to review them. Priya's declaration names her demo
 * address, so signed in as her it can be claimed.
 */
async function seedImported(ctx: SeedContext) {
  const { tx } = ctx;
  const admin = person(ctx, DEMO_COMMUNITIES.harbor.admin);
  const official = person(ctx, OFFICIAL.key);
  const imported = await importKataElectionIn(tx, await demoKataElection(ctx.now), { communityId: communityId(ctx, "harbor"), actor: admin });
  await tx.official.create({ data: { electionId: imported.id, userId: official.id } });
  await appendAuditEntry(tx, { electionId: imported.id, actor: admin, action: "official.appointed", details: { userId: official.id, login: OFFICIAL.login } });
}
