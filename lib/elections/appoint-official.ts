import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isCandidate, requireElectionCommunityAdmin } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError } from "@/lib/errors";
import { findPersonByLogin, personInWords, typedLogin } from "@/lib/auth/find-person";
import { findElection } from "./find-election";
import { parseInput } from "./parse-input";

const Input = z.object({
  electionId: z.string().min(1),
  login: typedLogin,
});

/** Admins of the election's community only. The person must have signed in once, so the appointment names a real account. */
export async function appointOfficial(
  actor: Actor | null,
  input: z.input<typeof Input>,
): Promise<{ userId: string; person: string; election: string }> {
  const { electionId, login } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const admin = await requireElectionCommunityAdmin(tx, actor, electionId);
    const election = await findElection(tx, electionId);
    if (election.state === "PUBLISHED" || election.state === "CANCELLED") throw new ConflictError("This election is over.");
    const user = await findPersonByLogin(tx, login, "before they can be appointed");
    if (await isCandidate(tx, user, electionId)) throw new ConflictError("A candidate in this election cannot be one of its officials.");
    const existing = await tx.official.findUnique({ where: { electionId_userId: { electionId, userId: user.id } } });
    if (existing) throw new ConflictError(`${personInWords(user)} is already an official of ${election.title}.`);
    await tx.official.create({ data: { electionId, userId: user.id } });
    await appendAuditEntry(tx, { electionId, actor: admin, action: "official.appointed", details: { userId: user.id, login } });
    return { userId: user.id, person: personInWords(user), election: election.title };
  });
}
