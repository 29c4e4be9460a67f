import type { Election } from "@/lib/generated/prisma/client";
import { ConflictError } from "@/lib/errors";

/** Whether voting has started (or ended): from then on the rules of the count are frozen. */
export function hasVotingStarted(e: Pick<Election, "state" | "votingOpenAt">, now: Date): boolean {
  if (e.state === "DRAFT") return false;
  if (e.state !== "SCHEDULED") return true;
  return e.votingOpenAt !== null && now.getTime() >= e.votingOpenAt.getTime();
}

/** Refuses once voters may have seen (or used) the rules: changing them then would change the meaning of ballots. */
export function assertBeforeVoting(e: Pick<Election, "state" | "votingOpenAt">, now: Date, what: string): void {
  if (e.state === "CANCELLED") throw new ConflictError("This election is cancelled.");
  if (hasVotingStarted(e, now)) throw new ConflictError(`${what} cannot change once voting has opened.`);
}
