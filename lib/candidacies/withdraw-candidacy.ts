import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { areNominationsOpen } from "@/lib/elections/phase";
import { parseInput } from "@/lib/elections/parse-input";

const Input = z.object({ candidacyId: z.string().min(1) });

/** The owner, until nominations close: after that ballots may already name the candidate. */
export async function withdrawCandidacy(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  const member = requireSignedIn(actor);
  const { candidacyId } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const c = await tx.candidacy.findUnique({ where: { id: candidacyId }, include: { election: true } });
    if (!c) throw new NotFoundError("No such declaration.");
    if (c.userId !== member.id) throw new ForbiddenError("Only the candidate can withdraw this declaration.");
    if (!areNominationsOpen(c.election)) throw new ConflictError("Nominations are closed; the declaration can no longer be withdrawn.");
    const { count } = await tx.candidacy.updateMany({ where: { id: candidacyId, status: { not: "WITHDRAWN" } }, data: { status: "WITHDRAWN" } });
    if (count !== 1) throw new ConflictError("This declaration is already withdrawn.");
  });
}
