import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireInstanceAdmin, requireSignedIn } from "@/lib/auth/permissions";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { findPersonByLogin, typedLogin } from "@/lib/auth/find-person";

const Input = z
  .object({
    // Absent: the caller's own sessions. Present: someone else's, which only an admin may end.
    login: typedLogin.optional(),
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
    const user =
      login === undefined
        ? await tx.user.findUnique({ where: { id: caller.id }, select: { id: true } })
        : await findPersonByLogin(tx, login, "before they have a session to end");
    if (!user) throw new NotFoundError("Your account no longer exists.");
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
