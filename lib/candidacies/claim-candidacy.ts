import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isOfficial, requireSignedIn, type Db } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/elections/parse-input";

const Input = z.object({ candidacyId: z.string().min(1) });

type Identity = Pick<Actor, "email" | "githubLogin">;

/** How a declaration names the person: by GitHub login or email, both case-insensitive; null when it does not. */
export function claimMatch(c: { email: string; githubLogin: string | null }, who: Identity): "githubLogin" | "email" | null {
  const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  if (same(c.githubLogin?.replace(/^@/, ""), who.githubLogin)) return "githubLogin";
  if (same(c.email, who.email)) return "email";
  return null;
}

/** Imported (user-less) declarations of the election that name the person, for the declare page to offer. */
export async function claimableCandidacies(db: Db, who: Identity, electionId: string) {
  const or: object[] = [];
  if (who.githubLogin) or.push({ githubLogin: { equals: who.githubLogin, mode: "insensitive" } });
  if (who.email) or.push({ email: { equals: who.email, mode: "insensitive" } });
  if (or.length === 0) return [];
  const rows = await db.candidacy.findMany({
    where: { electionId, userId: null, OR: or },
    orderBy: { createdAt: "asc" },
    select: { id: true, displayName: true, email: true, githubLogin: true, status: true },
  });
  return rows.filter((c) => claimMatch(c, who) !== null);
}

/**
 * A signed-in member takes over a declaration imported for them (a Kata folder
 * names candidates by email and GitHub login; the rows carry no user until
 * then). The identity the sign-in gave must match the declaration's; officials
 * of the election cannot stand in it; a member has at most one declaration per
 * election. The content does not change (no revision), but who controls the
 * declaration does, so the claim is audited.
 */
export async function claimCandidacy(actor: Actor | null, input: z.input<typeof Input>): Promise<{ id: string }> {
  const member = requireSignedIn(actor);
  const { candidacyId } = parseInput(Input, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const c = await tx.candidacy.findUnique({ where: { id: candidacyId } });
      if (!c) throw new NotFoundError("No such declaration.");
      if (await isOfficial(tx, member, c.electionId)) throw new ForbiddenError("An official of this election cannot stand in it.");
      const matchedBy = claimMatch(c, member);
      if (!matchedBy) throw new ForbiddenError("This declaration was not imported for you: its email and GitHub login are not yours.");
      if (c.userId !== null) throw new ConflictError(c.userId === member.id ? "This declaration is already yours." : "This declaration has already been claimed.");
      const own = await tx.candidacy.findUnique({ where: { electionId_userId: { electionId: c.electionId, userId: member.id } }, select: { id: true } });
      if (own) throw new ConflictError("You already have a declaration in this election.");
      // Only while still unclaimed: two concurrent claims cannot both win.
      const { count } = await tx.candidacy.updateMany({ where: { id: c.id, userId: null }, data: { userId: member.id } });
      if (count !== 1) throw new ConflictError("This declaration has already been claimed.");
      await appendAuditEntry(tx, {
        electionId: c.electionId,
        actor: member,
        action: "candidacy.claimed",
        details: { candidacyId: c.id, candidate: c.displayName, matchedBy },
      });
      return { id: c.id };
    });
  } catch (e) {
    // The (election, user) unique index: the member's own declaration appeared concurrently.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new ConflictError("You already have a declaration in this election.");
    throw e;
  }
}
