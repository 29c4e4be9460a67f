// The bridge from stored election to the counting engine's input, shared by
// the tally and the exports so that a re-count of an export gives the stored result.
import type { Db } from "@/lib/auth/permissions";
import type { Election } from "@/lib/generated/prisma/client";
import type { Candidate, ContinuingMember, ElectionInput, Method, Strength, UnrankedRule } from "@/lib/tally/types";

/** The engine caps every non-empty affiliation; "none" is how people write "no company", which is never capped. */
export function engineAffiliation(a: string | null | undefined): string | null {
  const t = (a ?? "").trim();
  return t === "" || t.toLowerCase() === "none" ? null : t;
}

export async function acceptedCandidates(db: Db, electionId: string): Promise<Candidate[]> {
  const rows = await db.candidacy.findMany({
    where: { electionId, status: "ACCEPTED" },
    select: { id: true, displayName: true, affiliation: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return rows.map((c) => ({ id: c.id, name: c.displayName, affiliation: engineAffiliation(c.affiliation) }));
}

export function continuingMembersOf(e: Election): ContinuingMember[] {
  const raw = Array.isArray(e.continuingMembers) ? (e.continuingMembers as unknown[]) : [];
  return raw
    .filter((m): m is { name: string; affiliation: string } => typeof m === "object" && m !== null && typeof (m as { name?: unknown }).name === "string")
    .map((m) => ({ name: m.name, affiliation: engineAffiliation(m.affiliation) ?? "" }));
}

/** Tiers with ids sorted inside each, unknown ids and empty tiers dropped: identical ballots get identical keys. */
export function normalizeRanking(ranking: unknown, known: ReadonlySet<string>): string[][] {
  if (!Array.isArray(ranking)) return [];
  return ranking
    .map((tier) => (Array.isArray(tier) ? tier.filter((id): id is string => typeof id === "string" && known.has(id)).sort() : []))
    .filter((tier) => tier.length > 0);
}

/**
 * Everything the engine needs, ballots grouped by identical ranking. Ballot
 * order is lost in the grouping, which is what secrecy wants anyway.
 */
export async function buildElectionInput(db: Db, e: Election): Promise<ElectionInput> {
  const candidates = await acceptedCandidates(db, e.id);
  const known = new Set(candidates.map((c) => c.id));
  const groups = new Map<string, { ranking: string[][]; count: number }>();
  const ballots = await db.ballot.findMany({ where: { electionId: e.id }, select: { ranking: true } });
  for (const b of ballots) {
    const ranking = normalizeRanking(b.ranking, known);
    const key = JSON.stringify(ranking);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { ranking, count: 1 });
  }
  return {
    title: e.title,
    seats: e.seats,
    method: e.method as Method,
    unranked: e.unranked as UnrankedRule,
    strength: e.strength as Strength,
    maxPerAffiliation: e.maxPerAffiliation,
    candidates,
    continuingMembers: continuingMembersOf(e),
    ballots: [...groups.values()],
  };
}
