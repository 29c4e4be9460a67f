import type { Election } from "@/lib/generated/prisma/client";
import { ConflictError } from "@/lib/errors";

/** Whether voting has started (or ended): from then on the rules of the count are frozen. */
export function hasVotingStarted(e: Pick<Election, "state" | "votingOpenAt">, now: Date): boolean {
  if (e.state === "DRAFT") return false;
  if (e.state !== "SCHEDULED") return true;
  return e.votingOpenAt !== null && now.getTime() >= e.votingOpenAt.getTime();
}

/**
 * Why `what` can no longer change (voters may have seen or used the rules), or
 * null while it still may. Pure, so pages can show a locked section read-only
 * with the very reason the use case would give.
 */
export function beforeVotingRefusal(e: Pick<Election, "state" | "votingOpenAt">, now: Date, what: string): string | null {
  if (e.state === "CANCELLED") return "This election is cancelled.";
  if (hasVotingStarted(e, now)) return `${what} cannot change once voting has opened.`;
  return null;
}

/** Refuses once voters may have seen (or used) the rules: changing them then would change the meaning of ballots. */
export function assertBeforeVoting(e: Pick<Election, "state" | "votingOpenAt">, now: Date, what: string): void {
  const refusal = beforeVotingRefusal(e, now, what);
  if (refusal) throw new ConflictError(refusal);
}

