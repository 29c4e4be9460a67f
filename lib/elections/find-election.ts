import type { Db } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { Election } from "@/lib/generated/prisma/client";

export async function findElection(db: Db, electionId: string): Promise<Election> {
  const e = await db.election.findUnique({ where: { id: electionId } });
  if (!e) throw new NotFoundError("No such election.");
  return e;
}

/**
 * Reads the election under a row lock shared with other readers, so that a
 * state change (close, cancel) waits for in-flight ballots and ballots that
 * start later see the new state: no ballot commits after voting closed.
 * One round trip: ballot casting is the hot path.
 */
export async function findElectionForShare(tx: Db, electionId: string): Promise<Election> {
  const rows = await tx.$queryRaw<Election[]>`SELECT * FROM "Election" WHERE id = ${electionId} FOR SHARE`;
  if (rows.length === 0) throw new NotFoundError("No such election.");
  return rows[0];
}
