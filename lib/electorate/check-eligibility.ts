import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/auth/permissions";

export interface RollEntryMatch {
  id: string;
  githubLogin: string | null;
  email: string | null;
}

/**
 * The filter on ElectorateEntry rows that name this person, in any election:
 * the one matching rule, shared by the per-election check below and the lists
 * that look across elections ("my elections"). Null when nothing can match.
 */
export function rollEntryWhere(actor: Actor | null): { OR: ({ githubLogin: string } | { email: string })[] } | null {
  if (!actor) return null;
  const or: ({ githubLogin: string } | { email: string })[] = [];
  if (actor.githubLogin) or.push({ githubLogin: actor.githubLogin.toLowerCase() });
  if (actor.email) or.push({ email: actor.email.toLowerCase() });
  return or.length === 0 ? null : { OR: or };
}

/**
 * The roll entries (imported or granted by exception) that name this person,
 * by GitHub login compared case-insensitively, or by email — best match first:
 * an entry naming both, then the login, then the email. Entries are stored
 * lower-cased, so the comparison is an index lookup.
 */
export async function matchingRollEntries(db: Db, actor: Actor | null, electionId: string): Promise<RollEntryMatch[]> {
  const where = rollEntryWhere(actor);
  if (!where) return [];
  const login = actor?.githubLogin?.toLowerCase() ?? null;
  const email = actor?.email?.toLowerCase() ?? null;
  const entries = await db.electorateEntry.findMany({ where: { electionId, ...where }, select: { id: true, githubLogin: true, email: true } });
  const score = (e: RollEntryMatch) => (login && e.githubLogin === login ? 2 : 0) + (email && e.email === email ? 1 : 0);
  return entries.sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1));
}

/** On the roll of the election (whether or not someone has voted for that entry already). */
export async function isEligibleVoter(db: Db, actor: Actor | null, electionId: string): Promise<boolean> {
  return (await matchingRollEntries(db, actor, electionId)).length > 0;
}
