import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/auth/permissions";

/**
 * On the roll (imported or granted by exception) by GitHub login, compared
 * case-insensitively, or by email. Entries are stored lower-cased, so the
 * comparison is an index lookup.
 */
export async function isEligibleVoter(db: Db, actor: Actor | null, electionId: string): Promise<boolean> {
  if (!actor) return false;
  const or: { githubLogin?: string; email?: string }[] = [];
  if (actor.githubLogin) or.push({ githubLogin: actor.githubLogin.toLowerCase() });
  if (actor.email) or.push({ email: actor.email.toLowerCase() });
  if (or.length === 0) return false;
  const entry = await db.electorateEntry.findFirst({ where: { electionId, OR: or }, select: { id: true } });
  return entry !== null;
}
