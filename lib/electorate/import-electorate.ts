import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireOfficial, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { parseElectorate } from "@/lib/import/parse-electorate";
import type { Election } from "@/lib/generated/prisma/client";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import { hasVotingStarted } from "@/lib/elections/settings-lock";

const Input = z.object({
  electionId: z.string().min(1),
  text: z.string().min(1, "paste or upload the electorate").max(20_000_000),
  mode: z.enum(["add", "replace"]),
});

/**
 * What an import may still do to the roll (pure, for the dashboard): both modes
 * before voting opens, only "add" afterwards while the election is scheduled,
 * nothing once it is closed — with the reason a refused mode would get.
 */
export function electorateImportRules(
  e: Pick<Election, "state" | "votingOpenAt">,
  now: Date,
): { add: true; replace: true } | { add: true; replace: false; reason: string } | { add: false; replace: false; reason: string } {
  if (e.state !== "DRAFT" && e.state !== "SCHEDULED") return { add: false, replace: false, reason: "The electorate of this election can no longer change." };
  if (hasVotingStarted(e, now)) return { add: true, replace: false, reason: "Voting has opened: the electorate can only be added to." };
  return { add: true, replace: true };
}

/**
 * Official. "add" merges (until voting closes: late additions are how a roll
 * gets fixed); "replace" swaps the imported roll for a new one, only before
 * voting opens, and keeps the exceptions officials granted.
 */
export async function importElectorate(actor: Actor | null, input: z.input<typeof Input>): Promise<{ added: number; total: number }> {
  requireSignedIn(actor);
  const { electionId, text, mode } = parseInput(Input, input);
  // Checked again inside the transaction; first here, so that only an official
  // can make the server parse a file of up to 20 MB.
  await requireOfficial(prisma, actor, electionId);
  let parsed: { login?: string | null; email?: string | null; name?: string | null }[];
  try {
    parsed = parseElectorate(text);
  } catch (err) {
    throw new InvalidInputError(`The electorate could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const rows = dedupe(parsed);
  if (rows.length === 0) throw new InvalidInputError("The electorate lists nobody with a GitHub login or an email.");
  return prisma.$transaction(
    async (tx) => {
      const official = await requireOfficial(tx, actor, electionId);
      const e = await findElection(tx, electionId);
      const now = new Date();
      const rules = electorateImportRules(e, now);
      if (!rules[mode]) throw new ConflictError("reason" in rules ? rules.reason : "The electorate can no longer change.");
      if (mode === "replace") await tx.electorateEntry.deleteMany({ where: { electionId, source: "import" } });
      const { count: added } = await tx.electorateEntry.createMany({
        data: rows.map((r) => ({ electionId, githubLogin: r.githubLogin, email: r.email, name: r.name, source: "import" })),
        skipDuplicates: true,
      });
      const total = await tx.electorateEntry.count({ where: { electionId } });
      await appendAuditEntry(tx, { electionId, actor: official, action: "electorate.imported", details: { mode, listed: rows.length, added, total } });
      return { added, total };
    },
    { timeout: 60_000 },
  );
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
