import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import { electorateImportRules } from "@/lib/elections/lifecycle-rules";

const Input = z.object({
  electionId: z.string().min(1).max(64),
  entryId: z.string().min(1).max(64),
});

/** How the entry is named back and in the audit log: "@login <email>", as the import names them. */
function entryLabel(e: { githubLogin: string | null; email: string | null }): string {
  return e.githubLogin && e.email ? `@${e.githubLogin} <${e.email}>` : e.githubLogin ? `@${e.githubLogin}` : (e.email ?? "?");
}

/**
 * Official of that election, while the roll may still change (until voting
 * opens, the same rule as an import). Takes one person off the roll, audited by
 * name. An entry someone voted through is never removed: the check here says
 * so in words, and the foreign key (Restrict) would refuse it anyway.
 */
export async function removeElectorateEntry(actor: Actor | null, input: z.input<typeof Input>): Promise<{ removed: string; total: number }> {
  requireSignedIn(actor);
  const { electionId, entryId } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    const official = await requireOfficial(tx, actor, electionId);
    const e = await findElection(tx, electionId);
    const rules = electorateImportRules(e, new Date());
    if (!rules.replace) throw new ConflictError(rules.reason);
    const entry = await tx.electorateEntry.findFirst({
      where: { id: entryId, electionId },
      select: { id: true, githubLogin: true, email: true, source: true, participation: { select: { entryId: true } } },
    });
    if (!entry) throw new NotFoundError("This person is not on the electorate of this election.");
    if (entry.participation) throw new ConflictError("This person has voted: their roll entry can no longer be removed.");
    await tx.electorateEntry.delete({ where: { id: entry.id } });
    const total = await tx.electorateEntry.count({ where: { electionId } });
    const removed = entryLabel(entry);
    await appendAuditEntry(tx, { electionId, actor: official, action: "electorate.entry-removed", details: { removed, source: entry.source, total } });
    return { removed, total };
  });
}
