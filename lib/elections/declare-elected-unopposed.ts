import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { recordCheckpoint } from "@/lib/audit/record-checkpoint";
import { ConflictError } from "@/lib/errors";
import { ballotHash, BallotSetBuilder, type Method, type Strength, type UnrankedRule } from "@/lib/tally";
import type { ContinuingMember } from "@/lib/tally/types";
import { AffiliationCap } from "@/lib/tally/fill-seats";
import { acceptedCandidates, continuingMembersOf } from "./election-input";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import type { StoredResult } from "./tally-election";

const Input = z.object({ electionId: z.string().min(1) });

/** What decides whether an election's candidates are unopposed. */
export interface UnopposedFacts {
  state: string;
  nominationsCloseAt: Date | null;
  seats: number;
  maxPerAffiliation: number | null;
  continuingMembers: readonly ContinuingMember[];
  /** Declarations still awaiting review. */
  pendingReview: number;
  participations: number;
  accepted: readonly { name: string; affiliation?: string | null }[];
}

/** Why the accepted candidates cannot be declared elected unopposed, or null when they can (pure, for the dashboard). */
export function unopposedRefusal(f: UnopposedFacts, now: Date): string | null {
  if (f.state !== "SCHEDULED") return "Only a scheduled election can be declared unopposed.";
  if (!f.nominationsCloseAt || now < f.nominationsCloseAt) return "Nominations have not closed yet.";
  if (f.pendingReview) return "Review every declaration first.";
  if (f.participations) return "Votes have been cast; close and tally instead.";
  if (f.accepted.length === 0) return "There is no accepted candidate to declare elected.";
  if (f.accepted.length > f.seats) return `There are more accepted candidates (${f.accepted.length}) than seats (${f.seats}); hold a vote.`;
  const cap = new AffiliationCap(f.maxPerAffiliation, f.continuingMembers);
  for (const c of f.accepted) {
    if (cap.isFull(c.affiliation)) return `The affiliation cap would keep ${c.name} out; hold a vote.`;
    cap.seat(c.affiliation);
  }
  return null;
}

/**
 * Official: when nominations have closed with no more accepted candidates than
 * seats, they are elected without a vote (Kata does this) and the result is
 * published at once. Refused while declarations await review, once anyone has
 * voted, or when the affiliation cap would keep someone out — then the
 * candidates are not really unopposed and a vote decides.
 */
export async function declareElectedUnopposed(actor: Actor | null, input: z.input<typeof Input>): Promise<{ winners: string[] }> {
  requireSignedIn(actor);
  const { electionId } = parseInput(Input, input);
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const official = await requireOfficial(tx, actor, electionId);
    const e = await findElection(tx, electionId);
    const pendingReview = await tx.candidacy.count({ where: { electionId, status: "SUBMITTED" } });
    const participations = await tx.participation.count({ where: { electionId } });
    const candidates = await acceptedCandidates(tx, electionId);
    const refusal = unopposedRefusal(
      { ...e, continuingMembers: continuingMembersOf(e), pendingReview, participations, accepted: candidates },
      now,
    );
    if (refusal) throw new ConflictError(refusal);
    const ids = candidates.map((c) => c.id);
    const hash = ballotHash(new BallotSetBuilder(ids.length).build(), ids);
    const data: StoredResult = {
      title: e.title,
      method: e.method as Method,
      seats: e.seats,
      unranked: e.unranked as UnrankedRule,
      strength: e.strength as Strength,
      maxPerAffiliation: e.maxPerAffiliation,
      candidates,
      ballots: 0,
      abstentions: 0,
      winners: ids,
      ranking: [ids],
      pairwise: {},
      strongestPaths: null,
      skippedForCap: [],
      tieBreaks: [],
      ballotHash: hash,
      quota: null,
      rounds: null,
      turnout: { voted: 0, electorate: await tx.electorateEntry.count({ where: { electionId } }) },
      unopposed: true,
    };
    const { count } = await tx.election.updateMany({ where: { id: electionId, state: "SCHEDULED" }, data: { state: "PUBLISHED" } });
    if (count !== 1) throw new ConflictError("Only a scheduled election can be declared unopposed.");
    await tx.result.create({ data: { electionId, data: JSON.parse(JSON.stringify(data)), ballotHash: hash, talliedById: official.id, publishedAt: now } });
    const head = await appendAuditEntry(tx, { electionId, actor: official, action: "election.declared-unopposed", details: { winners: ids } });
    await recordCheckpoint(tx, electionId, "both", head);
    return { winners: ids };
  });
}
