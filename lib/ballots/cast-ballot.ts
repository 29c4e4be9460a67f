import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { consume } from "@/lib/rate-limit";
import { mixBallots } from "./mix-ballots";
import { checkRanking, RankingInput } from "./ranking";
import { newReceiptCode, receiptHash } from "./receipt";
import { openBallotBox } from "./voting-window";

const Input = z.object({ electionId: z.string().min(1), ranking: RankingInput });

/**
 * An eligible voter's first ballot (PRODUCT §6). Participation (that they
 * voted) and Ballot (what) are written in one transaction and share nothing:
 * the ballot has a random id, no user, no timestamp, and only an HMAC of the
 * receipt. Participation's primary key is what makes a second first ballot
 * fail — in the database, whatever the number of tabs or servers. Nothing is
 * audited or logged here: the roll of participations is the record. Then the
 * ballot is mixed (mix-ballots.ts) so storage order and transaction ids do
 * not pair it with the participation row either.
 */
export async function castBallot(actor: Actor | null, input: z.input<typeof Input>): Promise<{ receipt: string }> {
  const voter = requireSignedIn(actor);
  const { electionId, ranking } = parseInput(Input, input);
  // Keyed on the person, never on anything about the ballot.
  await consume("ballot", voter.id);
  const receipt = newReceiptCode();
  const hash = receiptHash(receipt);
  const ballotId = await prisma.$transaction(async (tx) => {
    const { accepted } = await openBallotBox(tx, voter, electionId);
    const tiers = checkRanking(ranking, accepted);
    // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key and
    // then reports 0 rows, so exactly one of several simultaneous first ballots wins.
    const { count } = await tx.participation.createMany({ data: [{ electionId, userId: voter.id }], skipDuplicates: true });
    if (count !== 1) throw new ConflictError("You have already voted; use your receipt to replace your ballot.");
    const ballot = await tx.ballot.create({ data: { electionId, ranking: tiers, receiptHash: hash }, select: { id: true } });
    return ballot.id;
  });
  // Separately, after commit: the rows just written share a transaction id and a place in the tables.
  await mixBallots(electionId, [ballotId]);
  return { receipt };
}
