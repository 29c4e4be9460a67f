import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { areNominationsOpen } from "@/lib/elections/phase";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import { affiliationFor, CandidacyFields } from "./fields";

const Input = CandidacyFields.extend({ electionId: z.string().min(1) });

/**
 * A signed-in member declares while nominations are open (server clock). An
 * official of the election may not stand in it. A member who withdrew may
 * declare again: the same declaration comes back, with a new revision.
 */
export async function submitCandidacy(actor: Actor | null, input: z.input<typeof Input>): Promise<{ id: string }> {
  const member = requireSignedIn(actor);
  const { electionId, ...fields } = parseInput(Input, input);
  const githubLogin = fields.githubLogin ?? member.githubLogin?.toLowerCase() ?? null;
  return prisma.$transaction(async (tx) => {
    const e = await findElection(tx, electionId);
    if (await isOfficial(tx, member, electionId)) throw new ForbiddenError("An official of this election cannot stand in it.");
    if (!areNominationsOpen(e)) throw new ConflictError("Nominations are not open.");
    const existing = await tx.candidacy.findUnique({ where: { electionId_userId: { electionId, userId: member.id } } });
    if (existing && existing.status !== "WITHDRAWN") throw new ConflictError("You have already declared; edit your declaration instead.");
    const affiliation = affiliationFor(fields.affiliation, e.maxPerAffiliation);
    const data = { ...fields, affiliation, githubLogin, status: "SUBMITTED" as const, rejectionReason: null, affiliationInferred: false };
    const c = existing
      ? await tx.candidacy.update({ where: { id: existing.id }, data })
      : await tx.candidacy.create({ data: { ...data, electionId, userId: member.id } });
    const last = await tx.candidacyRevision.findFirst({ where: { candidacyId: c.id }, orderBy: { number: "desc" }, select: { number: true } });
    await tx.candidacyRevision.create({
      data: {
        candidacyId: c.id,
        number: (last?.number ?? 0) + 1,
        displayName: c.displayName,
        email: c.email,
        githubLogin: c.githubLogin,
        affiliation: c.affiliation,
        platform: c.platform,
        statement: c.statement,
        editedById: member.id,
      },
    });
    return { id: c.id };
  });
}
