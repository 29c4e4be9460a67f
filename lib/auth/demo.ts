// Demo sign-in: on a demo instance anyone may act as any seeded person, to
// click through the product as an admin, an official, a candidate and a voter.
// Every entry point re-checks demo mode on the server, on every call.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { inspectDemoDatabase } from "@/lib/demo/demo-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAdminIdentity } from "./admins";
import { readAuthEnv, type AuthEnv } from "./env";
import { isDemoMode } from "./providers";

export const demoSignInInput = z.object({
  userId: z.string().trim().min(1).max(64),
});

/**
 * The second line behind `npm start`'s check (lib/demo/demo-database.ts): demo
 * sign-in works only on a database the demo seed marked, and where nobody has
 * signed in through a real provider since.
 */
export async function isDemoDatabase(db: PrismaClient = prisma): Promise<boolean> {
  const verdict = await inspectDemoDatabase((sql) => db.$queryRawUnsafe(sql));
  return verdict.ok && verdict.state === "demo";
}

/** The user to sign in as, or null: not demo mode, not a demo database, malformed input, no such person or a real identity. */
export async function authorizeDemoUser(
  input: unknown,
  env: AuthEnv = readAuthEnv(),
  db: PrismaClient = prisma,
): Promise<{ id: string; name: string | null; email: string | null; sessionVersion: number } | null> {
  if (!isDemoMode(env)) return null;
  const parsed = demoSignInInput.safeParse(input);
  if (!parsed.success) return null;
  if (!(await isDemoDatabase(db))) return null;
  const user = await db.user.findUnique({
    where: { id: parsed.data.userId },
    select: { id: true, name: true, email: true, sessionVersion: true, _count: { select: { accounts: true } } },
  });
  // Someone who signed in through GitHub or OIDC is a real person: never impersonable.
  if (!user || user._count.accounts > 0) return null;
  const { _count, ...person } = user;
  return person;
}

export type DemoRole = "admin" | "community-admin" | "official" | "candidate" | "voter";

export interface DemoPerson {
  id: string;
  name: string | null;
  email: string | null;
  githubLogin: string | null;
  roles: DemoRole[];
  /** "Admin of …", "Official of …", "Candidate in …", "Voter in …", for the button's description. */
  details: string[];
}

const ROLE_ORDER: DemoRole[] = ["admin", "community-admin", "official", "candidate", "voter"];

/** The seeded people, most powerful first, with what each can do in which community and election. */
export async function listDemoPeople(limit = 100, env: AuthEnv = readAuthEnv()): Promise<DemoPerson[]> {
  const users = await prisma.user.findMany({
    where: { accounts: { none: {} } },
    take: limit,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      githubLogin: true,
      communityAdminOf: { select: { community: { select: { name: true } } }, orderBy: { community: { name: "asc" } } },
      officialOf: { select: { election: { select: { title: true } } } },
      candidacies: { where: { status: { not: "WITHDRAWN" } }, select: { election: { select: { title: true } } } },
    },
  });
  const logins = users.flatMap((u) => (u.githubLogin ? [u.githubLogin.toLowerCase()] : []));
  const emails = users.flatMap((u) => (u.email ? [u.email.toLowerCase()] : []));
  const entries =
    logins.length + emails.length === 0
      ? []
      : await prisma.electorateEntry.findMany({
          where: { OR: [{ githubLogin: { in: logins } }, { email: { in: emails } }] },
          select: { githubLogin: true, email: true, election: { select: { title: true } } },
        });

  const people = users.map((u): DemoPerson => {
    const roles: DemoRole[] = [];
    const details: string[] = [];
    if (isAdminIdentity(u, env.admins)) {
      roles.push("admin");
      details.push("Instance admin");
    }
    if (u.communityAdminOf.length) roles.push("community-admin");
    for (const a of u.communityAdminOf) details.push(`Admin of ${a.community.name}`);
    if (u.officialOf.length) roles.push("official");
    for (const o of u.officialOf) details.push(`Official of ${o.election.title}`);
    if (u.candidacies.length) roles.push("candidate");
    for (const c of u.candidacies) details.push(`Candidate in ${c.election.title}`);
    const login = u.githubLogin?.toLowerCase();
    const email = u.email?.toLowerCase();
    const rolls = entries.filter((e) => (login && e.githubLogin === login) || (email && e.email === email));
    if (rolls.length) roles.push("voter");
    for (const titles of new Set(rolls.map((e) => e.election.title))) details.push(`Voter in ${titles}`);
    return { id: u.id, name: u.name, email: u.email, githubLogin: u.githubLogin, roles, details };
  });
  const rank = (p: DemoPerson) => (p.roles.length ? ROLE_ORDER.indexOf(p.roles[0]) : ROLE_ORDER.length);
  return people.sort((a, b) => rank(a) - rank(b));
}
