import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";
import { scheduleEditability } from "@/lib/elections/lifecycle-rules";
export { scheduleEditability } from "@/lib/elections/lifecycle-rules";
export type { ScheduleEditability } from "@/lib/elections/lifecycle-rules";

const instant = z.coerce.date({ error: "expected a date and time (UTC)" });

const Input = z
  .object({
    electionId: z.string().min(1),
    nominationsOpenAt: instant,
    nominationsCloseAt: instant,
    votingOpenAt: instant,
    votingCloseAt: instant,
  })
  .refine((s) => s.nominationsOpenAt < s.nominationsCloseAt, { message: "nominations must open before they close", path: ["nominationsCloseAt"] })
  .refine((s) => s.nominationsCloseAt <= s.votingOpenAt, { message: "voting cannot open before nominations close", path: ["votingOpenAt"] })
  .refine((s) => s.votingOpenAt < s.votingCloseAt, { message: "voting must open before it closes", path: ["votingCloseAt"] });

/**
 * Official. Before voting opens the whole schedule may move (opening voting
 * early included); once voting has opened, the only change is to extend the
 * close while voting is still open — a vote already under way must not be cut
 * short or reshaped.
 */
export async function updateElectionSchedule(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  requireSignedIn(actor);
  const s = parseInput(Input, input);
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const official = await requireOfficial(tx, actor, s.electionId);
    const e = await findElection(tx, s.electionId);
    const editable = scheduleEditability(e, now);
    if (editable.mode === "locked") throw new ConflictError(editable.reason);
    if (editable.mode === "extend-close") {
      const same = (a: Date | null, b: Date) => a !== null && a.getTime() === b.getTime();
      const closeAt = e.votingCloseAt!;
      if (!same(e.nominationsOpenAt, s.nominationsOpenAt) || !same(e.nominationsCloseAt, s.nominationsCloseAt) || !same(e.votingOpenAt, s.votingOpenAt)) {
        throw new ConflictError("Voting is open: only the closing time can change, and only later.");
      }
      if (s.votingCloseAt < closeAt) throw new ConflictError("Voting is open: the closing time can only be extended.");
    } else if (s.votingCloseAt <= now) {
      throw new InvalidInputError("votingCloseAt: voting must close in the future");
    }
    const { electionId, ...schedule } = s;
    await tx.election.update({ where: { id: electionId }, data: schedule });
    await appendAuditEntry(tx, {
      electionId,
      actor: official,
      action: "election.schedule-updated",
      details: Object.fromEntries(Object.entries(schedule).map(([k, v]) => [k, v.toISOString()])),
    });
  });
}
