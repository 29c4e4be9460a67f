// The declaration fields (PRODUCT §3), shared by submit and edit so both hold
// the same rules. Statements are Markdown stored raw; the UI renders them sanitized.
import { z } from "zod";
import { InvalidInputError } from "@/lib/errors";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

export const CandidacyFields = z.object({
  displayName: z.string().trim().min(1, "enter your name").max(200),
  email: z.email("enter a valid email address").max(320).transform((s) => s.toLowerCase()),
  githubLogin: z
    .string()
    .trim()
    .max(39)
    .transform((s) => s.replace(/^@/, "").toLowerCase())
    .refine((s) => s === "" || /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/.test(s), "not a valid GitHub login")
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional(),
  // Left empty here; affiliationFor decides, once the election's cap is known, whether empty may mean "none".
  affiliation: z.string().trim().max(200).optional(),
  platform: optionalText(200),
  statement: z.string().trim().min(1, "write a statement").max(50_000),
});

/** Why the affiliation field is required, for the form and the refusal alike. */
export function affiliationRequiredWhy(maxPerAffiliation: number): string {
  return `This election allows at most ${maxPerAffiliation} member${maxPerAffiliation === 1 ? "" : "s"} per affiliation`;
}

/**
 * The affiliation to store. Under a cap an empty field is refused: it would
 * count as "no affiliation" and so escape the cap without anyone saying so.
 * "none" is the explicit choice (the form's "I have no affiliation").
 */
export function affiliationFor(affiliation: string | undefined, maxPerAffiliation: number | null): string {
  // Typed out, "No affiliation" would otherwise count as a company called that under the cap.
  if (affiliation && /^(none|no affiliation)$/i.test(affiliation)) return "none";
  if (affiliation) return affiliation;
  if (maxPerAffiliation !== null) {
    throw new InvalidInputError(`affiliation: ${affiliationRequiredWhy(maxPerAffiliation)}, so name yours (the company you work for) or choose "I have no affiliation".`);
  }
  return "none";
}
