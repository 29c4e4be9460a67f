// Who sits on a community's committees now (pure). A committee's members are
// those its latest published election elected plus the continuing members that
// election listed (seats not up that time). Only published results count: a
// tallied result under review is not yet anyone's seat.
import { continuingMembersOf } from "@/lib/elections/election-input";
import type { Election } from "@/lib/generated/prisma/client";

export interface PublishedElection {
  slug: string;
  title: string;
  /** "" = the community's committee. */
  committee: string;
  state: string;
  continuingMembers: Election["continuingMembers"];
  /** Result.data as stored by the tally (StoredResult) and its publication time. */
  result: { data: unknown; publishedAt: Date | null } | null;
}

export interface CommitteeMember {
  name: string;
  affiliation: string;
  /** "elected" by the source election, or "continuing" from an earlier term. */
  kind: "elected" | "continuing";
}

export interface Committee {
  name: string;
  /** The election whose result this composition comes from. */
  source: { slug: string; title: string; publishedAt: Date };
  members: CommitteeMember[];
}

/** The winners of a stored result, by name, in the order they were elected; anything unreadable gives none. */
function electedOf(data: unknown): { name: string; affiliation: string }[] {
  if (typeof data !== "object" || data === null) return [];
  const { winners, candidates } = data as { winners?: unknown; candidates?: unknown };
  if (!Array.isArray(winners) || !Array.isArray(candidates)) return [];
  const byId = new Map<string, { name: string; affiliation: string }>();
  for (const c of candidates) {
    if (typeof c !== "object" || c === null) continue;
    const { id, name, affiliation } = c as { id?: unknown; name?: unknown; affiliation?: unknown };
    if (typeof id === "string" && typeof name === "string") byId.set(id, { name, affiliation: typeof affiliation === "string" ? affiliation : "" });
  }
  return winners.flatMap((w) => (typeof w === "string" && byId.has(w) ? [byId.get(w)!] : []));
}

/**
 * One entry per committee that has a published election, named by the
 * election's `committee` or else the community's `committeeName` (or "Committee"
 * when the community names none), sorted by name.
 */
export function currentCommittees(communityCommitteeName: string, elections: readonly PublishedElection[]): Committee[] {
  const latest = new Map<string, { e: PublishedElection; at: Date }>();
  for (const e of elections) {
    if (e.state !== "PUBLISHED" || !e.result?.publishedAt) continue;
    const name = e.committee.trim() || communityCommitteeName.trim() || "Committee";
    const seen = latest.get(name);
    if (!seen || e.result.publishedAt.getTime() > seen.at.getTime()) latest.set(name, { e, at: e.result.publishedAt });
  }
  return [...latest.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, { e, at }]) => ({
      name,
      source: { slug: e.slug, title: e.title, publishedAt: at },
      members: [
        ...electedOf(e.result!.data).map((m) => ({ ...m, kind: "elected" as const })),
        ...continuingMembersOf({ continuingMembers: e.continuingMembers } as Election).map((m) => ({ ...m, kind: "continuing" as const })),
      ],
    }));
}
