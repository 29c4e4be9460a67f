import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { recordCheckpoint } from "@/lib/audit/record-checkpoint";
import { ConflictError } from "@/lib/errors";
import { ballotHash, BallotSetBuilder, type Method, type Strength, type UnrankedRule } from "@/lib/tally";
import { acceptedCandidates, continuingMembersOf } from "./election-input";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import type { StoredResult } from "./tally-election";
import { unopposedRefusal } from "@/lib/elections/lifecycle-rules";
export { unopposedRefusal } from "@/lib/elections/lifecycle-rules";
export type { UnopposedFacts } from "@/lib/elections/lifecycle-rules";

const Input = z.object({ electionId: z.string().min(1) });

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
