/**
 * One candidate as read from an imported file, before an official reviews it.
 * Missing facts are null rather than absent so a dry-run JSON shows every field.
 */
export interface CandidateDeclaration {
  name: string;
  /** Primary contact address; null when the file gives none (see `warnings`). */
  email: string | null;
  /** Every address the file lists, primary first, without duplicates. */
  emails: string[];
  githubLogin: string | null;
  /** Company, or "none" when the candidate declares no affiliation. */
  affiliation: string | null;
  /** True when `affiliation` was guessed from an email domain and needs confirming. */
  affiliationInferred: boolean;
  /** Free-text area the candidate stands for, e.g. "Arm". */
  platform: string | null;
  /** Markdown (or plain text, which renders the same) of everything else. */
  statement: string;
  /** File name the declaration came from, for messages and audit. */
  sourceFile: string;
  /** Things an official should check, e.g. "no email address found". */
  warnings: string[];
}

const NO_AFFILIATION = /^(none|n\/a|-|independent|self|self-employed|unaffiliated)$/i;

/** Normalises an explicitly declared affiliation; "none"-like answers become "none". */
export function normaliseDeclaredAffiliation(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return NO_AFFILIATION.test(trimmed) ? "none" : trimmed;
}
