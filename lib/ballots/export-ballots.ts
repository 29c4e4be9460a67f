import { z } from "zod";
import { shuffle } from "./shuffle";
import type { Actor } from "@/lib/auth/actor";
import { isOfficial } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { acceptedCandidates, buildElectionInput, normalizeRanking } from "@/lib/elections/election-input";
import { findElection } from "@/lib/elections/find-election";
import { parseInput } from "@/lib/elections/parse-input";
import { toBlt, toElektoCsv, toHustingsJson } from "@/lib/tally/formats";
import type { ElectionInput } from "@/lib/tally/types";

const Input = z.object({ electionId: z.string().min(1), format: z.enum(["json", "csv", "blt"]) });

/**
 * The anonymized ballots, one per voter, in a fresh random order on every
 * export (storage order must never hint at casting order). Officials may export
 * once voting is closed; after publication anyone may, if the election
 * publishes its ballots. Receipt hashes appear only in the published JSON,
 * where voters look theirs up (PRODUCT §6).
 */
export async function exportBallots(actor: Actor | null, input: z.input<typeof Input>): Promise<string> {
  const { electionId, format } = parseInput(Input, input);
  return prisma.$transaction(
    async (tx) => {
      const e = await findElection(tx, electionId);
      const published = e.state === "PUBLISHED";
      const official = await isOfficial(tx, actor, electionId);
      if (!(published && e.publishBallots) && !official) throw new ForbiddenError("The ballots of this election are not public.");
      if (e.state !== "CLOSED" && e.state !== "TALLIED" && !published) throw new ConflictError("Ballots can be exported once voting is closed.");
      const candidates = await acceptedCandidates(tx, electionId);
      const known = new Set(candidates.map((c) => c.id));
      const rows = await tx.ballot.findMany({ where: { electionId }, select: { ranking: true, receiptHash: true } });
      const ballots = shuffle(rows.map((b) => ({ ranking: normalizeRanking(b.ranking, known), receipt: b.receiptHash })));
      const election: ElectionInput = { ...(await buildElectionInput(tx, e)), ballots: ballots.map((b) => ({ ranking: b.ranking, count: 1 })) };
      switch (format) {
        case "csv":
          return toElektoCsv(election);
        case "blt":
          return toBlt(election);
        case "json":
          return published ? jsonWithReceipts(election, ballots.map((b) => b.receipt)) : toHustingsJson(election);
      }
    },
    { timeout: 60_000 },
  );
}

/** Hustings JSON with each ballot's receipt hash; readers of the format ignore the extra field. */
function jsonWithReceipts(e: ElectionInput, receipts: string[]): string {
  const head = JSON.parse(toHustingsJson({ ...e, ballots: [] })) as Record<string, unknown>;
  delete head.ballots;
  const lines = e.ballots.map((b, i) => `    {"ranking": ${JSON.stringify(b.ranking)}, "count": 1, "receipt": ${JSON.stringify(receipts[i])}}`);
  const body = JSON.stringify(head, null, 2);
  return `${body.slice(0, -2)},\n  "ballots": [${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}]\n}\n`;
}

