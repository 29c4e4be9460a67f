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

export const CommunityFields = z.object({
  name: z.string().trim().min(1, "a name is required").max(120),
  description: z.string().max(20_000).default(""),
  governanceUrl: httpUrl.nullable().default(null),
  committeeName: z.string().trim().max(120).default(""),
  defaultSeats: z.number().int().min(1).max(100).default(1),
  defaultMethod: z.enum(METHODS).default("schulze"),
  defaultUnranked: z.enum(UNRANKED_RULES).default("exclude"),
  defaultMaxPerAffiliation: z.number().int().min(1).max(100).nullable().default(null),
  rollFormats: z.array(z.enum(ROLL_FORMATS)).max(ROLL_FORMATS.length).default([]),
});

export const CommunitySlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "at least two characters")
  .max(60)
  .regex(SLUG_PATTERN, "use lower-case letters, digits and dashes")
  // These would shadow pages of the instance itself.
  .refine((s) => !["new", "admin", "api"].includes(s), "this address is reserved");
