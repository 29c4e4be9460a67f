import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireInstanceAdmin, requireSignedIn } from "@/lib/auth/permissions";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";

const Input = z
  .object({
    // Absent: the caller's own sessions. Present: someone else's, which only an admin may end.
    login: z.string().trim().toLowerCase().min(1, "give a GitHub login or an email").max(320).optional(),
  })
  .strict();

/**
 * Ends every session of a person at once ("sign out everywhere"): sessions are
 * stateless cookies, so the user's session version goes up and getActor treats
 * any cookie issued under an older one as anonymous. The person themselves, or
 * an admin for anyone (e.g. a lost laptop, a removed official). Audited.
 */
export async function revokeSessions(actor: Actor | null, input: z.input<typeof Input> = {}): Promise<{ userId: string }> {
  const caller = requireSignedIn(actor);
  const { login } = parseInput(Input, input);
  if (login !== undefined) requireInstanceAdmin(caller);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: login === undefined ? { id: caller.id } : { OR: [{ githubLogin: login }, { email: { equals: login, mode: "insensitive" } }] },
      select: { id: true },
    });
    if (!user) throw new NotFoundError(login === undefined ? "Your account no longer exists." : `Nobody signed in as "${login}".`);
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await appendAuditEntry(tx, {
      electionId: null,
      actor: caller,
      action: "sessions.revoked",
      details: { userId: user.id, ...(login !== undefined && { login }), by: user.id === caller.id ? "self" : "admin" },
    });
    return { userId: user.id };
  });
}
