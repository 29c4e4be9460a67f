import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { recordCheckpoint } from "@/lib/audit/record-checkpoint";
import { ConflictError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { tally, TallyInputError, type TallyResult } from "@/lib/tally";
import { buildElectionInput } from "./election-input";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import { vacuumBallotTables } from "@/lib/ballots/shuffle-ballot-box";
import { ballotBoxMismatch } from "@/lib/elections/lifecycle-rules";
export { ballotBoxMismatch } from "@/lib/elections/lifecycle-rules";

const Input = z.object({ electionId: z.string().min(1) });

export type StoredResult = TallyResult & {
  /** voted: participations (roll entries that voted); ballots: ballots counted; they must be equal to count at all. */
  turnout: { voted: number; electorate: number; ballots?: number };
  unopposed?: boolean;
};

/**
 * Official: CLOSED → TALLIED. The result is frozen in the database for review
 * before publication. It refuses to count when the ballot box and the roll
 * disagree — more ballots than voters is stuffing, fewer is a lost ballot — or
 * when a sealed ballot does not open: an official must find out why first.
 */
export async function tallyElection(actor: Actor | null, input: z.input<typeof Input>): Promise<StoredResult> {
  requireSignedIn(actor);
  const { electionId } = parseInput(Input, input);
  // Again, in case the process stopped between the close and its vacuum: no dead row version outlives the count.
  await vacuumBallotTables();
  return prisma.$transaction(
    async (tx) => {
      const official = await requireOfficial(tx, actor, electionId);
      const e = await findElection(tx, electionId);
      if (e.state !== "CLOSED") throw new ConflictError("Only a closed election can be tallied.");
      const voted = await tx.participation.count({ where: { electionId } });
      const ballots = await tx.ballot.count({ where: { electionId } });
      const sealed = await tx.pendingBallot.count({ where: { electionId } });
      const mismatch = ballotBoxMismatch({ voted, ballots, sealed });
      if (mismatch) throw new ConflictError(mismatch);
      const electionInput = await buildElectionInput(tx, e);
      let result: TallyResult;
      try {
        result = tally(electionInput);
      } catch (err) {
        if (err instanceof TallyInputError) throw new ConflictError(`The election cannot be counted: ${err.message}.`);
        throw err;
      }
      const electorate = await tx.electorateEntry.count({ where: { electionId } });
      const data: StoredResult = { ...result, turnout: { voted, electorate, ballots } };
      const { count } = await tx.election.updateMany({ where: { id: electionId, state: "CLOSED" }, data: { state: "TALLIED" } });
      if (count !== 1) throw new ConflictError("Only a closed election can be tallied.");
      await tx.result.create({ data: { electionId, data: JSON.parse(JSON.stringify(data)), ballotHash: result.ballotHash, talliedById: official.id } });
      const head = await appendAuditEntry(tx, {
        electionId,
        actor: official,
        action: "election.tallied",
        details: { ballots: result.ballots, winners: result.winners, ballotHash: result.ballotHash },
      });
      await recordCheckpoint(tx, electionId, "tallied", head);
      logger.info({ electionId, ballots: result.ballots, voted }, "election tallied");
      return data;
    },
    // A large election takes a moment to read and count.
    { timeout: 60_000 },
  );
}
