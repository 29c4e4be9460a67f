// One election in its voting window, its candidates and N voters with
// session cookies, written straight into PostgreSQL.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { CANDIDATES, log, NEXTAUTH_SECRET, PORT, VOTERS } from "./config";
import type { Voter } from "./state";

export async function seed(db: pg.Client): Promise<{ electionId: string; community: string; slug: string; candidates: string[]; voters: Voter[] }> {
  const t = performance.now();
  const electionId = `bench-${randomUUID()}`;
  const slug = `bench-cast-${Date.now().toString(36)}`;
  const now = Date.now();
  const H = 3_600_000;
  const D = 24 * H;
  const communityId = `bench-${randomUUID()}`;
  const community = `bench-${Date.now().toString(36)}`;
  await db.query(`INSERT INTO "Community" (id, slug, name, "updatedAt") VALUES ($1, $2, 'Casting benchmark', now())`, [communityId, community]);
  await db.query(
    `INSERT INTO "Election" (id, "communityId", slug, title, seats, state, "nominationsOpenAt", "nominationsCloseAt", "votingOpenAt", "votingCloseAt", "updatedAt")
     VALUES ($1, $2, $3, 'Casting benchmark', 3, 'SCHEDULED', $4, $5, $6, $7, now())`,
    [electionId, communityId, slug, new Date(now - 3 * D), new Date(now - 2 * D), new Date(now - H), new Date(now + D)],
  );
  const candidates: string[] = [];
  for (let i = 0; i < CANDIDATES; i++) {
    const id = `bench-cand-${randomUUID()}`;
    candidates.push(id);
    await db.query(
      `INSERT INTO "Candidacy" (id, "electionId", status, "displayName", email, affiliation, statement, "updatedAt")
       VALUES ($1, $2, 'ACCEPTED', $3, $4, $5, 'I stand.', now())`,
      [id, electionId, `Candidate ${i + 1}`, `bench-cand-${i}@example.org`, `Org ${i % 3}`],
    );
  }
  const voters: Voter[] = [];
  const ids = Array.from({ length: VOTERS }, () => `bench-voter-${randomUUID()}`);
  const loginOf = (i: number) => `bench-${i}-${electionId.slice(-8)}`;
  const BATCH = 1000;
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const logins = chunk.map((_, j) => loginOf(i + j));
    await db.query(
      `INSERT INTO "User" (id, name, email, "githubLogin")
       SELECT id, login, login || '@example.org', login FROM unnest($1::text[], $2::text[]) AS t(id, login)`,
      [chunk, logins],
    );
    await db.query(
      `INSERT INTO "ElectorateEntry" (id, "electionId", "githubLogin", email, source)
       SELECT 'bench-ee-' || gen_random_uuid(), $1, login, login || '@example.org', 'import' FROM unnest($2::text[]) AS t(login)`,
      [electionId, logins],
    );
  }
  // The app's own cookie minting (the demo sign-in uses it), with the secret the app runs with.
  const { mintSessionCookie } = await import("../../lib/auth/session-token");
  const authEnv = {
    nextAuthUrl: `http://localhost:${PORT}`,
    nextAuthSecret: NEXTAUTH_SECRET,
    github: null,
    oidc: null,
    admins: { logins: [], emails: [] },
    demoFlag: true,
    signInPerMinute: 30,
  };
  for (const [i, id] of ids.entries()) {
    const c = await mintSessionCookie(id, authEnv);
    voters.push({ id, login: loginOf(i), cookie: `${c.name}=${c.value}` });
  }
  log(`seeded election ${slug}: ${CANDIDATES} accepted candidates, ${VOTERS} voters with session cookies (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return { electionId, community, slug, candidates, voters };
}
