// The declaration fields (PRODUCT §3), shared by submit and edit so both hold
// the same rules. Statements are Markdown stored raw; the UI renders them sanitized.
import { z } from "zod";

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
  affiliation: z
    .string()
    .trim()
    .max(200)
    .transform((s) => (s === "" ? "none" : s)),
  platform: optionalText(200),
  statement: z.string().trim().min(1, "write a statement").max(50_000),
});
