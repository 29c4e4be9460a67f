import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";

const Input = z.object({ requestId: z.string().min(1) });

/** The member who asked takes back a request no official has decided yet. Somebody else's request is "not found", never confirmed to exist. */
export async function withdrawException(actor: Actor | null, input: z.input<typeof Input>): Promise<void> {
  const member = requireSignedIn(actor);
  const { requestId } = parseInput(Input, input);
  await prisma.$transaction(async (tx) => {
    const req = await tx.exceptionRequest.findUnique({ where: { id: requestId }, select: { userId: true, status: true } });
    if (!req || req.userId !== member.id) throw new NotFoundError("No such exception request.");
    const { count } = await tx.exceptionRequest.updateMany({
      where: { id: requestId, userId: member.id, status: "PENDING" },
      data: { status: "WITHDRAWN", withdrawnAt: new Date() },
    });
    if (count !== 1) throw new ConflictError("An official has already decided this request; it can no longer be withdrawn.");
  });
}
