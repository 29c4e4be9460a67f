import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError } from "@/lib/errors";
import { ballotHash, BallotSetBuilder, type Method, type Strength, type UnrankedRule } from "@/lib/tally";
import { AffiliationCap } from "@/lib/tally/fill-seats";
import { acceptedCandidates, continuingMembersOf } from "./election-input";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import type { StoredResult } from "./tally-election";

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
    if (e.state !== "SCHEDULED") throw new ConflictError("Only a scheduled election can be declared unopposed.");
    if (!e.nominationsCloseAt || now < e.nominationsCloseAt) throw new ConflictError("Nominations have not closed yet.");
    if (await tx.candidacy.count({ where: { electionId, status: "SUBMITTED" } })) throw new ConflictError("Review every declaration first.");
    if (await tx.participation.count({ where: { electionId } })) throw new ConflictError("Votes have been cast; close and tally instead.");
    const candidates = await acceptedCandidates(tx, electionId);
    if (candidates.length === 0) throw new ConflictError("There is no accepted candidate to declare elected.");
    if (candidates.length > e.seats) throw new ConflictError(`There are more accepted candidates (${candidates.length}) than seats (${e.seats}); hold a vote.`);
    const continuingMembers = continuingMembersOf(e);
    const cap = new AffiliationCap(e.maxPerAffiliation, continuingMembers);
    for (const c of candidates) {
      if (cap.isFull(c.affiliation)) throw new ConflictError(`The affiliation cap would keep ${c.name} out; hold a vote.`);
      cap.seat(c.affiliation);
    }
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
    await appendAuditEntry(tx, { electionId, actor: official, action: "election.declared-unopposed", details: { winners: ids } });
    return { winners: ids };
  });
}
