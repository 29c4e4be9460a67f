// The demo instance `npm start` opens on (PRODUCT §10): three made-up elections,
// one in each interesting phase, and people to sign in as at /demo. Every
// person, company and project here is fictional and written for Hustings; the
// addresses use the reserved example.org domain.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { recordCheckpoint } from "@/lib/audit/record-checkpoint";
import { env } from "@/lib/config/env";
import type { Tx } from "@/lib/db/client";
import { buildElectionInput } from "@/lib/elections/election-input";
import type { StoredResult } from "@/lib/elections/tally-election";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { tally } from "@/lib/tally";
import { inspectDemoDatabase, type DemoDatabaseVerdict } from "./demo-database";

export const DEMO_SLUGS = {
  nominations: "lighthouse-tsc-2026",
  voting: "harbor-ac-spring-2026",
  published: "beacon-board-2025",
} as const;

/** The community each demo election belongs to (PRODUCT §1: many communities on one instance). */
export const DEMO_COMMUNITIES = {
  nominations: { slug: "lighthouse", name: "Lighthouse", committeeName: "Technical Steering Committee" },
  voting: { slug: "harbor", name: "Harbor", committeeName: "Architecture Committee" },
  published: { slug: "beacon", name: "Beacon", committeeName: "Governing Board" },
} as const;

export type DemoElectionKey = keyof typeof DEMO_SLUGS;

interface Person {
  key: string;
  name: string;
  login: string;
  affiliation?: string;
}

const ADMIN: Person = { key: "ada", name: "Ada Admin", login: "ada-admin" };
const OFFICIAL: Person = { key: "olu", name: "Olu Official", login: "olu-official" };

const CANDIDATES: Person[] = [
  { key: "priya", name: "Priya Raman", login: "priya-raman", affiliation: "Saltmarsh Computing" },
  { key: "hannah", name: "Hannah Okafor", login: "hokafor", affiliation: "Saltmarsh Computing" },
  { key: "mateo", name: "Mateo Silva", login: "mateo-silva", affiliation: "Quillfeather Labs" },
  { key: "samir", name: "Samir Haddad", login: "shaddad", affiliation: "Quillfeather Labs" },
  { key: "jonas", name: "Jonas Lindqvist", login: "jlindqvist", affiliation: "Nordlicht Data" },
  { key: "grace", name: "Grace Whitfield", login: "gwhitfield", affiliation: "Copperleaf Cloud" },
  { key: "mei", name: "Mei Tanaka", login: "mei-tanaka", affiliation: "none" },
];

const VOTERS: Person[] = [
  { key: "vera", name: "Vera Voss", login: "vera-voss" },
  { key: "wen", name: "Wen Li", login: "wenli" },
  { key: "kofi", name: "Kofi Mensah", login: "kmensah" },
  { key: "lucia", name: "Lucía Moreno", login: "lucia-moreno" },
  { key: "tomasz", name: "Tomasz Nowak", login: "tnowak" },
  { key: "aiko", name: "Aiko Sato", login: "aiko-sato" },
  { key: "noah", name: "Noah Fischer", login: "nfischer" },
  { key: "ravi", name: "Ravi Iyer", login: "ravi-iyer" },
  { key: "elena", name: "Elena Petrova", login: "epetrova" },
  { key: "zara", name: "Zara Ahmed", login: "zara-ahmed" },
];

const email = (p: Person) => `${p.key}@example.org`;

const STATEMENTS: Record<string, string> = {
  priya: `I have maintained the **storage drivers** for four years and chaired the release team for the last two releases.

What I would work on:

- a written, versioned *deprecation policy*, so downstream packagers stop learning about removals from changelogs;
- moving design discussions from calls into public proposals that anyone can comment on;
- mentoring: every committee member pairs with one new reviewer per cycle.`,
  hannah: `I run the project's CI and the performance dashboards. Most of my work is invisible until it breaks, which is how I like it.

On the committee I want to **make the release process boring**: fixed dates, a freeze that means something, and a rotation so no single person holds the keys.`,
  mateo: `Contributor since the first public release; I wrote the original scheduler and still review most changes to it.

## Priorities
1. Finish the plugin API so vendors stop carrying forks.
2. A security response process with a published embargo policy.
3. Fewer meetings, better minutes.`,
  samir: `I work on the networking stack and the conformance tests.

I am standing because architecture decisions are still made by whoever shows up to the call. I would publish an agenda a week ahead and record every decision with its reasons in the repository.`,
  jonas: `Most of my contributions are to the **Arm** port and the documentation site.

Hardware diversity keeps the design honest. I would make sure every architectural decision is checked against more than one platform before it lands, and I will keep the docs translated into more than one language.`,
  grace: `I maintain the operator and the Helm charts, and I help run the community meetings in the Americas time zones.

If elected I will push for:

- a contributor ladder with written criteria,
- meeting times that rotate across time zones,
- a yearly survey of users, published in full.`,
  mei: `Independent contributor; I review the API changes and triage issues on weekends.

I have no employer in the project, which I think is useful on a committee that caps seats per company: I answer only to the people who vote. My focus would be **API stability** and a clear path from proposal to merge for first-time contributors.`,
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
      const ctx: SeedContext = { tx, people, now, receiptSecret };
      await seedNominations(ctx);
      await seedVoting(ctx);
      await seedPublished(ctx);
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
  now: Date;
  receiptSecret: string;
}

async function createPeople(tx: Tx): Promise<Map<string, Actor>> {
  const people = new Map<string, Actor>();
  for (const p of [ADMIN, OFFICIAL, ...CANDIDATES, ...VOTERS]) {
    const user = await tx.user.upsert({
      where: { email: email(p) },
      update: {},
      create: { name: p.name, email: email(p), githubLogin: p.login, emailVerified: new Date() },
    });
    people.set(p.key, { id: user.id, name: user.name, email: user.email, githubLogin: user.githubLogin, isAdmin: p === ADMIN });
  }
  return people;
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
  const admin = person(ctx, "ada");
  const official = person(ctx, "olu");
  const c = DEMO_COMMUNITIES[data.key];
  const community = await tx.community.create({ data: { slug: c.slug, name: c.name, committeeName: c.committeeName, defaultSeats: data.seats, defaultMaxPerAffiliation: data.maxPerAffiliation } });
  await appendAuditEntry(tx, { electionId: null, communityId: community.id, actor: admin, action: "community.created", details: { slug: c.slug, name: c.name } });
  await tx.communityAdmin.create({ data: { communityId: community.id, userId: admin.id } });
  await appendAuditEntry(tx, { electionId: null, communityId: community.id, actor: admin, action: "community.admin-appointed", details: { userId: admin.id, login: ADMIN.login } });
  const election = await tx.election.create({
    data: {
      communityId: community.id,
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
  const fields = { displayName: p.name, email: email(p), githubLogin: p.login, affiliation: p.affiliation ?? "none", platform: platform ?? null, statement: STATEMENTS[key] };
  const c = await tx.candidacy.create({
    data: { electionId, userId: user.id, status, ...fields, revisions: { create: { number: 1, editedById: user.id, ...fields } } },
  });
  if (status === "ACCEPTED") {
    await appendAuditEntry(tx, { electionId, actor: person(ctx, "olu"), action: "candidacy.accepted", details: { candidacyId: c.id, displayName: p.name } });
  }
  return c.id;
}

const EVERYONE_BUT_STAFF = [...CANDIDATES, ...VOTERS].map((p) => p.key);

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
  await castBallots(ctx, e.id, ["ravi", "elena", "zara"], ids, 2026);
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
  await castBallots(ctx, e.id, voters, ids, 2025, { abstentions: 1 });

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
 * Records that `voterKeys` voted and stores as many ballots, the way casting
 * does: the roll and the ballot store share nothing, ballots get random ids
 * and go in shuffled, and only an HMAC of each receipt code is kept (the codes
 * themselves are thrown away — nobody needs to check a demo ballot).
 * The rankings come from a seeded generator so the demo result is the same on
 * every machine; the secrecy-relevant parts stay random.
 */
async function castBallots(ctx: SeedContext, electionId: string, voterKeys: string[], candidateIds: Map<string, string>, seed: number, opts: { abstentions?: number } = {}) {
  const { tx } = ctx;
  // Each voter's roll entry (seeded by GitHub login): participations are keyed on it.
  const entries = await tx.electorateEntry.findMany({ where: { electionId }, select: { id: true, githubLogin: true } });
  const entryOf = (k: string) => {
    const entry = entries.find((e) => e.githubLogin === person(ctx, k).githubLogin);
    if (!entry) throw new Error(`demo seed: ${k} is not on the roll of ${electionId}`);
    return entry.id;
  };
  await tx.participation.createMany({ data: voterKeys.map((k) => ({ electionId, entryId: entryOf(k), userId: person(ctx, k).id })) });
  const rnd = mulberry32(seed);
  // Community sentiment, best first, that each generated ballot wobbles around.
  const appeal = [...candidateIds.keys()].map((key, i) => ({ key, base: 1 - i * 0.12 }));
  const rankings: string[][][] = voterKeys.map((_, n) => {
    if (n < (opts.abstentions ?? 0)) return [];
    const scored = appeal.map((c) => ({ id: candidateIds.get(c.key) ?? "", score: c.base + (rnd() - 0.5) * 0.6 })).sort((a, b) => b.score - a.score);
    // Many voters rank only the people they know; some leave a tie.
    const ranked = scored.slice(0, 3 + Math.floor(rnd() * (scored.length - 2)));
    const tiers: string[][] = [];
    for (const c of ranked) {
      const last = tiers.at(-1);
      if (last && rnd() < 0.12) last.push(c.id);
      else tiers.push([c.id]);
    }
    return tiers;
  });
  await tx.ballot.createMany({
    data: shuffle(rankings).map((ranking) => ({
      id: randomUUID(),
      electionId,
      ranking,
      receiptHash: createHmac("sha256", ctx.receiptSecret).update(randomBytes(20).toString("base64url")).digest("hex"),
    })),
  });
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32BE() % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// A tiny seeded PRNG: reproducible demo rankings without a dependency.
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
