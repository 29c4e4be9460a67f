import type { Prisma } from "@/lib/generated/prisma/client";

// Who may see an election at all (PRODUCT §1: visitors read public election
// pages). A draft is private to its officials and its community's admins; so is a draft
// cancelled before it was ever opened, whose title and candidates were never public.

export function isPublicElection(e: { state: string; openedAt: Date | null }): boolean {
  if (e.state === "DRAFT") return false;
  if (e.state === "CANCELLED" && e.openedAt === null) return false;
  return true;
}

/** The same rule as a query filter, for lists. */
export const PUBLIC_ELECTION_WHERE = {
  NOT: [{ state: "DRAFT" }, { state: "CANCELLED", openedAt: null }],
} satisfies Prisma.ElectionWhereInput;
