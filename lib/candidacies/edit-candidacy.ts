import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { areNominationsOpen } from "@/lib/elections/phase";
import { parseInput } from "@/lib/elections/parse-input";
import { affiliationFor, CandidacyFields } from "./fields";

const Input = CandidacyFields.partial().extend({ candidacyId: z.string().min(1) });

/**
 * The declaration's owner, while nominations are open. Fields left out keep
 * their value; every edit keeps a revision. An edit after review goes back to
 * review: the officials accepted the text they read, not the one that follows.
 */
export async function editCandidacy(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  const member = requireSignedIn(actor);
  const { candidacyId, ...changes } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const c = await tx.candidacy.findUnique({ where: { id: candidacyId }, include: { election: true } });
    if (!c) throw new NotFoundError("No such declaration.");
    if (c.userId !== member.id) throw new ForbiddenError("Only the candidate can edit this declaration.");
    if (!areNominationsOpen(c.election)) throw new ConflictError("Nominations are closed; the declaration can no longer change.");
    if (c.status === "WITHDRAWN") throw new ConflictError("This declaration was withdrawn; declare again instead.");
    // "" empties the field (as for the other optional fields); undefined leaves it out and keeps the old value.
    if (changes.affiliation !== undefined) changes.affiliation = affiliationFor(changes.affiliation, c.election.maxPerAffiliation);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const updated = await tx.candidacy.update({
      where: { id: candidacyId },
      data: {
        ...defined,
        ...(changes.affiliation !== undefined && changes.affiliation !== c.affiliation ? { affiliationInferred: false } : {}),
        status: "SUBMITTED",
        rejectionReason: null,
      },
    });
    const last = await tx.candidacyRevision.findFirst({ where: { candidacyId }, orderBy: { number: "desc" }, select: { number: true } });
    await tx.candidacyRevision.create({
      data: {
        candidacyId,
        number: (last?.number ?? 0) + 1,
        displayName: updated.displayName,
        email: updated.email,
        githubLogin: updated.githubLogin,
        affiliation: updated.affiliation,
        platform: updated.platform,
        statement: updated.statement,
        editedById: member.id,
      },
    });
  });
}
