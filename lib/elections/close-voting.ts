import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { shuffleBallotBox, vacuumBallotTables } from "@/lib/ballots/shuffle-ballot-box";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import { closeVotingRefusal } from "@/lib/elections/lifecycle-rules";
export { closeVotingRefusal } from "@/lib/elections/lifecycle-rules";

const Input = z.object({ electionId: z.string().min(1) });

/**
 * Official: SCHEDULED → CLOSED, once voting has opened (closing early is
 * allowed). The UPDATE takes the row lock that ballots hold in share mode, so
 * it waits for ballots in flight and every later ballot sees CLOSED. In the
 * same transaction the ballot box is emptied into Ballot and every ballot and
 * participation rewritten in random order (lib/ballots/shuffle-ballot-box.ts),
 * so the election is never closed with its storage still in casting order;
 * the dead row versions are vacuumed right after the commit.
 */
export async function closeVoting(actor: Actor | null, input: z.input<typeof Input>): Promise<{ participations: number; ballots: number }> {
  requireSignedIn(actor);
  const { electionId } = parseInput(Input, input);
  const closed = await prisma.$transaction(
    async (tx) => {
      const official = await requireOfficial(tx, actor, electionId);
      const e = await findElection(tx, electionId);
      const refusal = closeVotingRefusal(e, new Date());
      if (refusal) throw new ConflictError(refusal);
      const { count } = await tx.election.updateMany({ where: { id: electionId, state: "SCHEDULED" }, data: { state: "CLOSED", votingClosedAt: new Date() } });
      if (count !== 1) throw new ConflictError("Voting is already closed.");
      const box = await shuffleBallotBox(tx, electionId);
      await appendAuditEntry(tx, {
        electionId,
        actor: official,
        action: "voting.closed",
        details: { participations: box.participations, ballots: box.ballots, ...(box.unreadable ? { unreadableSealedBallots: box.unreadable } : {}) },
      });
      return { participations: box.participations, ballots: box.ballots };
    },
    // Rewriting a large election's ballots takes a moment.
    { timeout: 120_000, maxWait: 10_000 },
  );
  const vacuumed = await vacuumBallotTables();
  logger.info({ electionId, ...closed, vacuumed }, "voting closed; ballot box shuffled");
  return closed;
}
