// Builders for integration tests: people, elections in a given phase, and a
// digest of the whole database to prove that a refused call changed nothing.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Candidacy, Community, Election } from "@/lib/generated/prisma/client";
import { scheduleFor, type TestPhase } from "./schedule";

process.env.RECEIPT_SECRET ??= "test-receipt-secret-0123456789abcdef";

export function uniq(prefix = "x"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function makeUser(opts: { login?: string | null; email?: string | null; name?: string; isAdmin?: boolean } = {}): Promise<Actor> {
  const login = opts.login === undefined ? uniq("user") : opts.login;
  const email = opts.email === undefined ? `${login ?? uniq("user")}@example.org` : opts.email;
  const u = await prisma.user.create({ data: { githubLogin: login?.toLowerCase() ?? null, email: email?.toLowerCase() ?? null, name: opts.name ?? login ?? email } });
  return { id: u.id, name: u.name, email: u.email, githubLogin: u.githubLogin, isAdmin: opts.isAdmin ?? false };
}

export const makeAdmin = () => makeUser({ login: uniq("admin"), isAdmin: true });

export type { TestPhase };

const STATE = {
  draft: "DRAFT",
  upcoming: "SCHEDULED",
  nominations: "SCHEDULED",
  campaign: "SCHEDULED",
  voting: "SCHEDULED",
  ended: "SCHEDULED",
  closed: "CLOSED",
  tallied: "TALLIED",
  published: "PUBLISHED",
  cancelled: "CANCELLED",
} as const;

/** A community of its own (tests that need isolation from others make their own). */
export async function makeCommunity(data: Partial<Pick<Community, "name" | "defaultSeats" | "defaultMethod" | "defaultUnranked" | "defaultMaxPerAffiliation" | "committeeName">> = {}): Promise<Community> {
  const slug = uniq("community");
  return prisma.community.create({ data: { slug, name: data.name ?? `Community ${slug}`, ...data } });
}

export async function makeCommunityAdmin(communityId: string): Promise<Actor> {
  const a = await makeUser({ login: uniq("cadmin") });
  await prisma.communityAdmin.create({ data: { communityId, userId: a.id } });
  return a;
}

/** The community elections land in when a test does not care which (created on first use). */
export async function sharedCommunity(): Promise<Community> {
  return prisma.community.upsert({ where: { slug: "test-community" }, update: {}, create: { slug: "test-community", name: "Test community" } });
}

export async function makeElection(
  phase: TestPhase,
  data: Partial<Pick<Election, "seats" | "method" | "unranked" | "strength" | "maxPerAffiliation" | "publishBallots" | "title" | "communityId">> & { continuingMembers?: object[] } = {},
): Promise<Election> {
  const communityId = data.communityId ?? (await sharedCommunity()).id;
  return prisma.election.create({
    data: { slug: uniq("election"), title: "Test election", seats: 1, ...data, communityId, ...scheduleFor(phase), state: STATE[phase] },
  });
}

export async function makeOfficial(electionId: string): Promise<Actor> {
  const a = await makeUser({ login: uniq("official") });
  await prisma.official.create({ data: { electionId, userId: a.id } });
  return a;
}

/** A user on the roll of the election. */
export async function makeVoter(electionId: string, opts: { source?: string } = {}): Promise<Actor> {
  const a = await makeUser();
  await prisma.electorateEntry.create({ data: { electionId, githubLogin: a.githubLogin, email: a.email, source: opts.source ?? "import" } });
  return a;
}

export async function makeCandidate(
  electionId: string,
  opts: { name?: string; affiliation?: string; status?: Candidacy["status"]; user?: Actor | null } = {},
): Promise<Candidacy> {
  const user = opts.user === undefined ? await makeUser() : opts.user;
  const name = opts.name ?? uniq("Candidate");
  return prisma.candidacy.create({
    data: {
      electionId,
      userId: user?.id ?? null,
      displayName: name,
      email: user?.email ?? `${name.toLowerCase()}@example.org`,
      githubLogin: user?.githubLogin ?? null,
      affiliation: opts.affiliation ?? "none",
      statement: "I stand.",
      status: opts.status ?? "ACCEPTED",
    },
  });
}

/**
 * A digest of every row of every table of the app's schema: equal digests
 * mean nothing was written. The tables come from the catalog, so a new table
 * is covered without anyone remembering to list it here.
 */
export async function dbDigest(): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ n: bigint; d: string | null }[]>(`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM "${name}" t`);
    out[name] = `${rows[0].n}:${rows[0].d ?? ""}`;
  }
  return out;
}

/** The call is refused with the given error and the database is exactly as before. */
export async function expectRefused(call: () => Promise<unknown>, error: abstract new (...args: never[]) => Error, message?: RegExp): Promise<void> {
  const before = await dbDigest();
  const p = call();
  await expect(p).rejects.toBeInstanceOf(error);
  if (message) await expect(p).rejects.toThrow(message);
  expect(await dbDigest()).toEqual(before);
}

/** Everyone who is not an official of `electionId`: anonymous, a voter, a candidate, another election's official, and (optionally) an admin. */
export async function outsiders(electionId: string, withAdmin: boolean): Promise<[string, Actor | null][]> {
  const other = await makeElection("draft");
  const list: [string, Actor | null][] = [
    ["anonymous", null],
    ["voter", await makeVoter(electionId)],
    ["candidate", await makeUser()],
    ["official of another election", await makeOfficial(other.id)],
  ];
  await makeCandidate(electionId, { user: list[2][1] });
  if (withAdmin) list.push(["admin", await makeAdmin()]);
  return list;
}
