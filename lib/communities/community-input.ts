// The fields a community is made of, shared by create and update so both
// validate them the same way.
import { z } from "zod";
import { METHODS, UNRANKED_RULES } from "@/lib/tally/types";
import { SLUG_PATTERN } from "@/lib/elections/slug";

export const ROLL_FORMATS = ["csv", "kata-yaml", "elekto-voters"] as const;
export type RollFormat = (typeof ROLL_FORMATS)[number];

/** How people know the formats (admin form, import refusals). */
export const ROLL_FORMAT_LABELS: Record<RollFormat, string> = {
  csv: "CSV (login,email,name)",
  "kata-yaml": "Kata electorate YAML",
  "elekto-voters": "Elekto voters.yaml",
};

const httpUrl = z
  .url({ protocol: /^https?$/, message: "give an http(s) address" })
  .max(2000);

// Each field's rule, without defaults: an edit must be able to leave a field out
// (zod applies a default even under .partial(), which would reset it).
const rules = {
  name: z.string().trim().min(1, "a name is required").max(120),
  description: z.string().max(20_000),
  governanceUrl: httpUrl.nullable(),
  committeeName: z.string().trim().max(120),
  defaultSeats: z.number().int().min(1).max(100),
  defaultMethod: z.enum(METHODS),
  defaultUnranked: z.enum(UNRANKED_RULES),
  defaultMaxPerAffiliation: z.number().int().min(1).max(100).nullable(),
  rollFormats: z.array(z.enum(ROLL_FORMATS)).max(ROLL_FORMATS.length),
};

/** A new community: a name, and the rest from sensible defaults. */
export const CommunityFields = z.object({
  name: rules.name,
  description: rules.description.default(""),
  governanceUrl: rules.governanceUrl.default(null),
  committeeName: rules.committeeName.default(""),
  defaultSeats: rules.defaultSeats.default(1),
  defaultMethod: rules.defaultMethod.default("schulze"),
  defaultUnranked: rules.defaultUnranked.default("exclude"),
  defaultMaxPerAffiliation: rules.defaultMaxPerAffiliation.default(null),
  rollFormats: rules.rollFormats.default([]),
});

/** An edit: the fields it names change, the others keep their value. */
export const CommunityChanges = z.object(rules).partial();

export const CommunitySlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "at least two characters")
  .max(60)
  .regex(SLUG_PATTERN, "use lower-case letters, digits and dashes")
  // These would shadow pages of the instance itself.
  .refine((s) => !["new", "admin", "api"].includes(s), "this address is reserved");
