"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { castBallot, SubmissionId } from "@/lib/ballots/cast-ballot";
import { replaceBallot } from "@/lib/ballots/replace-ballot";
import { viewBallot } from "@/lib/ballots/view-ballot";
import { getActor } from "@/lib/auth/current-actor";
import { runUseCase, zodMessage } from "@/app/_lib/run-use-case";
import { clientAddress, consume } from "@/lib/rate-limit";

export type ReceiptState = { ok: true; receipt: string; ranking: string[][] } | { ok: false; error: string };
export type ViewState = { ok: true; ranking: string[][]; receiptHash: string } | { ok: false; error: string };

// Tiers best first; the use case checks the ids against the accepted candidates.
const ranking = z.array(z.array(z.string().min(1).max(100)).min(1).max(500)).max(500);
const receipt = z.string().trim().min(8, "enter the whole receipt code").max(200);

export async function castBallotAction(electionId: string, input: unknown, submission: unknown): Promise<ReceiptState> {
  const parsed = z.object({ ranking, submissionId: SubmissionId }).safeParse({ ranking: input, submissionId: submission });
  if (!parsed.success) return { ok: false, error: zodMessage(parsed.error) };
  const actor = await getActor();
  const r = await runUseCase(() => castBallot(actor, { electionId, ...parsed.data }));
  return r.ok ? { ok: true, receipt: r.value.receipt, ranking: r.value.ranking } : r;
}

export async function replaceBallotAction(electionId: string, receiptCode: unknown, input: unknown, submission: unknown): Promise<ReceiptState> {
  const parsed = z.object({ receipt, ranking, submissionId: SubmissionId }).safeParse({ receipt: receiptCode, ranking: input, submissionId: submission });
  if (!parsed.success) return { ok: false, error: zodMessage(parsed.error) };
  const actor = await getActor();
  const r = await runUseCase(() => replaceBallot(actor, { electionId, ...parsed.data }));
  return r.ok ? { ok: true, receipt: r.value.receipt, ranking: r.value.ranking } : r;
}

export async function viewBallotAction(electionId: string, receiptCode: unknown): Promise<ViewState> {
  const parsed = receipt.safeParse(receiptCode);
  if (!parsed.success) return { ok: false, error: zodMessage(parsed.error) };
  const actor = await getActor();
  // Receipt codes are 100 random bits, but guessing is still throttled per client address.
  const address = clientAddress(await headers());
  const r = await runUseCase(async () => {
    await consume("receipt", address);
    return viewBallot(actor, { electionId, receipt: parsed.data });
  });
  return r.ok ? { ok: true, ranking: r.value.ranking, receiptHash: r.value.receiptHash } : r;
}
