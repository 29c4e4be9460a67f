"use server";

import { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import { updateElectionSettings } from "@/lib/elections/update-election-settings";
import { updateElectionSchedule } from "@/lib/elections/update-election-schedule";
import { openElection } from "@/lib/elections/open-election";
import { closeVoting } from "@/lib/elections/close-voting";
import { tallyElection } from "@/lib/elections/tally-election";
import { publishResults } from "@/lib/elections/publish-results";
import { cancelElection } from "@/lib/elections/cancel-election";
import { declareElectedUnopposed } from "@/lib/elections/declare-elected-unopposed";
import { importElectorate } from "@/lib/electorate/import-electorate";
import { removeElectorateEntry } from "@/lib/electorate/remove-electorate-entry";
import { decideException } from "@/lib/electorate/decide-exception";
import { reviewCandidacy } from "@/lib/candidacies/review-candidacy";
import { appointOfficial } from "@/lib/elections/appoint-official";
import { removeOfficial } from "@/lib/elections/remove-official";
import type { ActionState } from "@/app/_lib/action-state";
import { parseForm, runUseCase, toState } from "@/app/_lib/run-use-case";
import { MANAGE_PAGES } from "@/app/_lib/manage";
import { parseUtcMinute } from "@/app/_lib/utc-minute";
import { SCHEDULE_FIELDS, scheduleFieldErrors, type ScheduleField } from "@/lib/elections/lifecycle-rules";

// Every action here is refused by its use case unless the caller is an
// official of this election; the page hiding the forms is only courtesy.

// The dashboard is split into sub-pages that all show the checklist: refresh every one.
const paths = (base: string) => [base, ...MANAGE_PAGES.map((p) => `${base}/manage${p ? `/${p}` : ""}`), `${base}/results`, "/"];

const settingsSchema = z.object({
  title: z.string().trim().min(1, "enter a title").max(200),
  description: z.string().trim().max(20000).default(""),
  seats: z.coerce.number().int().min(1, "at least one seat").max(100),
  method: z.enum(["schulze", "ranked-pairs", "irv", "stv-scottish", "stv-meek"]),
  unranked: z.enum(["exclude", "last"]),
  strength: z.enum(["winning", "margins"]),
  maxPerAffiliation: z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === "") return null;
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", message: "leave empty for no cap, or a whole number of seats" });
        return z.NEVER;
      }
      return n;
    }),
  continuingMembers: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const comma = line.lastIndexOf(",");
          return comma < 0
            ? { name: line, affiliation: "none" }
            : { name: line.slice(0, comma).trim(), affiliation: line.slice(comma + 1).trim() || "none" };
        }),
    ),
  publishBallots: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export async function saveSettings(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(settingsSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  const input = { electionId, ...parsed.data };
  return toState(await runUseCase(() => updateElectionSettings(actor, input), { revalidate: paths(base), message: "Settings saved." }));
}

// The schedule form writes "YYYY-MM-DD HH:MM" in UTC (app/_lib/utc-minute.ts).
// Each field that is unreadable or out of order is named back in words beside it.
const SCHEDULE_KEYS = Object.keys(SCHEDULE_FIELDS) as ScheduleField[];

export async function saveSchedule(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const fieldErrors: Partial<Record<ScheduleField, string>> = {};
  const values = {} as Record<ScheduleField, Date>;
  for (const key of SCHEDULE_KEYS) {
    const raw = formData.get(key);
    const date = typeof raw === "string" && raw.length <= 40 ? parseUtcMinute(raw) : null;
    if (date) values[key] = date;
    else fieldErrors[key] = `${SCHEDULE_FIELDS[key]}: write the date and time as YYYY-MM-DD HH:MM, 24-hour UTC (e.g. 2026-12-04 17:00).`;
  }
  if (Object.keys(fieldErrors).length === 0) Object.assign(fieldErrors, scheduleFieldErrors(values, new Date(), "all"));
  const named = Object.values(fieldErrors);
  if (named.length) return { ok: false, error: `The schedule was not saved. ${named.join(" ")}`, fieldErrors };
  const actor = await getActor();
  const r = await runUseCase(() => updateElectionSchedule(actor, { electionId, ...values }), { revalidate: paths(base), message: "Schedule saved." });
  if (r.ok) return toState(r);
  // The use case names a field as "votingCloseAt: …"; say it in the form's words, beside that field.
  const field = SCHEDULE_KEYS.find((k) => r.error.startsWith(`${k}: `));
  if (!field) return toState(r);
  const words = `${SCHEDULE_FIELDS[field]}: ${r.error.slice(field.length + 2)}`;
  return { ok: false, error: `The schedule was not saved. ${words}`, fieldErrors: { [field]: words } };
}

export async function openElectionAction(electionId: string, base: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  const actor = await getActor();
  return toState(await runUseCase(() => openElection(actor, { electionId }), { revalidate: paths(base), message: "The election is public and follows its schedule." }));
}

export async function importElectorateAction(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const file = formData.get("file");
  const pasted = String(formData.get("text") ?? "");
  const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
  const parsed = z
    .object({ text: z.string().trim().min(1, "paste the list or choose a file").max(5_000_000), mode: z.enum(["add", "replace"]) })
    .safeParse({ text, mode: formData.get("mode") });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "invalid input" };
  const actor = await getActor();
  return toState(
    await runUseCase(() => importElectorate(actor, { electionId, text: parsed.data.text, mode: parsed.data.mode }), {
      revalidate: paths(base),
      message: (r) => `Imported: ${r.added} added, ${r.removed} removed; the electorate has ${r.total} voter${r.total === 1 ? "" : "s"}.`,
    }),
  );
}

const removeEntrySchema = z.object({ entryId: z.string().min(1, "choose an entry").max(64) });

export async function removeElectorateEntryAction(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(removeEntrySchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => removeElectorateEntry(actor, { electionId, entryId: parsed.data.entryId }), {
      revalidate: paths(base),
      message: (r) => `Removed ${r.removed}; the electorate has ${r.total} voter${r.total === 1 ? "" : "s"}.`,
    }),
  );
}

/** "Dana Okafor's", "Vera Voss's": how a confirmation names whose declaration it was. */
const possessive = (name: string) => `${name}'s`;

// Accepting confirms (or corrects) the affiliation (PRODUCT §3); rejecting needs a reason.
const reviewSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept"), affiliation: z.string().trim().min(1, "enter the affiliation (or none)").max(200) }),
  z.object({ decision: z.literal("reject"), reason: z.string().trim().min(1, "give a reason for rejecting").max(2000) }),
]);

export async function reviewCandidacyAction(candidacyId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(reviewSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  const review = parsed.data;
  const input =
    review.decision === "accept"
      ? { candidacyId, decision: "accept" as const, affiliation: review.affiliation }
      : { candidacyId, decision: "reject" as const, reason: review.reason };
  return toState(
    await runUseCase(() => reviewCandidacy(actor, input), {
      revalidate: paths(base),
      message: (r) => (r.decision === "accept" ? `Accepted ${possessive(r.displayName)} declaration.` : `Rejected ${possessive(r.displayName)} declaration; the candidate sees the reason.`),
    }),
  );
}

const exceptionSchema = z.object({ decision: z.enum(["grant", "deny"]), note: z.string().trim().max(2000).default("") });

export async function decideExceptionAction(requestId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(exceptionSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  const grant = parsed.data.decision === "grant";
  return toState(
    await runUseCase(() => decideException(actor, { requestId, grant, note: parsed.data.note }), {
      revalidate: paths(base),
      message: grant ? "Granted: the member is on the electorate." : "Denied; the member can read your note.",
    }),
  );
}

export async function closeVotingAction(electionId: string, base: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  const actor = await getActor();
  return toState(await runUseCase(() => closeVoting(actor, { electionId }), { revalidate: paths(base), message: "Voting closed." }));
}

export async function tallyAction(electionId: string, base: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  const actor = await getActor();
  return toState(await runUseCase(() => tallyElection(actor, { electionId }), { revalidate: paths(base), message: "Counted. Review the result, then publish it." }));
}

export async function publishAction(electionId: string, base: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  const actor = await getActor();
  return toState(await runUseCase(() => publishResults(actor, { electionId }), { revalidate: paths(base), message: "Results published." }));
}

export async function declareUnopposedAction(electionId: string, base: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  const actor = await getActor();
  return toState(await runUseCase(() => declareElectedUnopposed(actor, { electionId }), { revalidate: paths(base), message: "Candidates declared elected unopposed." }));
}

export async function cancelAction(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(z.object({ reason: z.string().trim().min(1, "give a reason").max(2000) }), formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(await runUseCase(() => cancelElection(actor, { electionId, reason: parsed.data.reason }), { revalidate: paths(base), message: "Election cancelled." }));
}

// The officials page: the election is bound on the page, the person typed (appoint) or chosen (remove).
const appointHereSchema = z.object({ login: z.string().trim().min(1, "enter a GitHub login (@login) or an email").max(320) });

export async function appointOfficialHereAction(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(appointHereSchema, formData);
  if (!parsed.ok) return parsed;
  const actor = await getActor();
  return toState(
    await runUseCase(() => appointOfficial(actor, { electionId, login: parsed.data.login }), {
      revalidate: paths(base),
      message: (r) => `${r.person} is now an official of ${r.election}.`,
    }),
  );
}

const removeHereSchema = z.object({
  electionId: z.string().min(1).max(64),
  userId: z.string().min(1, "choose an official").max(64),
  name: z.string().max(400).optional(),
});

export async function removeOfficialHereAction(electionId: string, base: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(removeHereSchema, formData);
  if (!parsed.ok) return parsed;
  if (parsed.data.electionId !== electionId) return { ok: false, error: "This form belongs to another election; reload the page." };
  const actor = await getActor();
  const { userId, name } = parsed.data;
  return toState(
    await runUseCase(() => removeOfficial(actor, { electionId, userId }), {
      revalidate: paths(base),
      message: `${name ?? "The official"} is no longer an official of this election.`,
    }),
  );
}
