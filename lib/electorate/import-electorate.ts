import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { detectElectorateFormat, parseElectorate } from "@/lib/import/parse-electorate";
import { ROLL_FORMAT_LABELS } from "@/lib/communities/community-input";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import { electorateImportRules } from "@/lib/elections/lifecycle-rules";
export { electorateImportRules } from "@/lib/elections/lifecycle-rules";

const Input = z.object({
  electionId: z.string().min(1),
  text: z.string().min(1, "paste or upload the electorate").max(20_000_000),
  mode: z.enum(["add", "replace"]),
});

/** How an entry is named in the audit log: exactly who was added or removed. */
function rollLabel(e: { githubLogin: string | null; email: string | null }): string {
  return e.githubLogin && e.email ? `${e.githubLogin} <${e.email}>` : (e.githubLogin ?? e.email ?? "?");
}

/**
 * Official, before voting opens. "add" merges; "replace" swaps the imported
 * roll for a new one and keeps the exceptions officials granted. The audit
 * entry names every entry added and removed, not just how many.
 */
export async function importElectorate(actor: Actor | null, input: z.input<typeof Input>): Promise<{ added: number; removed: number; total: number }> {
  requireSignedIn(actor);
  const { electionId, text, mode } = parseInput(Input, input);
  // Checked again inside the transaction; first here, so that only an official
  // can make the server parse a file of up to 20 MB.
  await requireOfficial(prisma, actor, electionId);
  let parsed: { login?: string | null; email?: string | null; name?: string | null }[];
  try {
    await requireAcceptedFormat(electionId, detectElectorateFormat(text));
    parsed = parseElectorate(text);
  } catch (err) {
    if (err instanceof FormatNotAccepted) throw err;
    throw new InvalidInputError(`The electorate could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const rows = dedupe(parsed);
  if (rows.length === 0) throw new InvalidInputError("The electorate lists nobody with a GitHub login or an email.");
  return prisma.$transaction(
    async (tx) => {
      const official = await requireOfficial(tx, actor, electionId);
      const e = await findElection(tx, electionId);
      const rules = electorateImportRules(e, new Date());
      if (!rules[mode]) throw new ConflictError("reason" in rules ? rules.reason : "The electorate can no longer change.");
      const removedRows =
        mode === "replace"
          ? await tx.electorateEntry.findMany({ where: { electionId, source: "import" }, select: { githubLogin: true, email: true }, orderBy: { id: "asc" } })
          : [];
      if (mode === "replace") await tx.electorateEntry.deleteMany({ where: { electionId, source: "import" } });
      const addedRows = await tx.electorateEntry.createManyAndReturn({
        data: rows.map((r) => ({ electionId, githubLogin: r.githubLogin, email: r.email, name: r.name, source: "import" })),
        skipDuplicates: true,
        select: { githubLogin: true, email: true },
      });
      // A replace that re-adds someone neither removes nor adds them.
      const key = rollLabel;
      const addedSet = new Set(addedRows.map(key));
      const removedSet = new Set(removedRows.map(key));
      const added = addedRows.map(key).filter((k) => !removedSet.has(k));
      const removed = removedRows.map(key).filter((k) => !addedSet.has(k));
      const total = await tx.electorateEntry.count({ where: { electionId } });
      await appendAuditEntry(tx, {
        electionId,
        actor: official,
        action: "electorate.imported",
        details: { mode, listed: rows.length, total, added, removed },
      });
      return { added: added.length, removed: removed.length, total };
    },
    { timeout: 60_000 },
  );
}

/**
 * The community's charter says how its rolls are made (rollFormats; empty =
 * any). A roll in another format is refused before it is parsed. The formats
 * are settings, not secrets, so reading them outside the write transaction is fine.
 */
class FormatNotAccepted extends InvalidInputError {}

async function requireAcceptedFormat(electionId: string, format: keyof typeof ROLL_FORMAT_LABELS): Promise<void> {
  const e = await prisma.election.findUnique({ where: { id: electionId }, select: { community: { select: { name: true, rollFormats: true } } } });
  const accepted = e?.community.rollFormats ?? [];
  if (accepted.length === 0 || accepted.includes(format)) return;
  const names = accepted.map((f) => ROLL_FORMAT_LABELS[f as keyof typeof ROLL_FORMAT_LABELS] ?? f).join(", ");
  throw new FormatNotAccepted(`This file is a ${ROLL_FORMAT_LABELS[format]}, which is not accepted by ${e!.community.name}: its elections take ${names}. Nothing was imported.`);
}

/** Lower-cases and drops repeats within the file itself, so one person yields one entry. */
function dedupe(parsed: { login?: string | null; email?: string | null; name?: string | null }[]) {
  const logins = new Set<string>();
  const emails = new Set<string>();
  const out: { githubLogin: string | null; email: string | null; name: string | null }[] = [];
  for (const p of parsed) {
    const githubLogin = p.login?.trim().replace(/^@/, "").toLowerCase() || null;
    const email = p.email?.trim().toLowerCase() || null;
    if (!githubLogin && !email) continue;
    if ((githubLogin && logins.has(githubLogin)) || (email && emails.has(email))) continue;
    if (githubLogin) logins.add(githubLogin);
    if (email) emails.add(email);
    out.push({ githubLogin, email, name: p.name?.trim() || null });
  }
  return out;
}
