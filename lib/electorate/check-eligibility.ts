import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/auth/permissions";

export interface RollEntryMatch {
  id: string;
  githubLogin: string | null;
  email: string | null;
}

/**
 * The roll entries (imported or granted by exception) that name this person,
 * by GitHub login compared case-insensitively, or by email — best match first:
 * an entry naming both, then the login, then the email. Entries are stored
 * lower-cased, so the comparison is an index lookup.
 */
export async function matchingRollEntries(db: Db, actor: Actor | null, electionId: string): Promise<RollEntryMatch[]> {
  if (!actor) return [];
  const login = actor.githubLogin?.toLowerCase() ?? null;
  const email = actor.email?.toLowerCase() ?? null;
  const or: { githubLogin?: string; email?: string }[] = [];
  if (login) or.push({ githubLogin: login });
  if (email) or.push({ email });
  if (or.length === 0) return [];
  const entries = await db.electorateEntry.findMany({ where: { electionId, OR: or }, select: { id: true, githubLogin: true, email: true } });
  const score = (e: RollEntryMatch) => (login && e.githubLogin === login ? 2 : 0) + (email && e.email === email ? 1 : 0);
  return entries.sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1));
}

/** On the roll of the election (whether or not someone has voted for that entry already). */
export async function isEligibleVoter(db: Db, actor: Actor | null, electionId: string): Promise<boolean> {
  return (await matchingRollEntries(db, actor, electionId)).length > 0;
}
