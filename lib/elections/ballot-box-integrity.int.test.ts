// Issue 6.4: a ballot inserted straight into the table (or one that went
// missing, or a sealed one not written by this server) stops the count.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { ConflictError } from "@/lib/errors";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { closeVoting } from "./close-voting";
import { ballotBoxMismatch, tallyElection } from "./tally-election";
import { expectRefused, makeCandidate, makeElection, makeOfficial, makeVoter } from "@/test/helpers/factories";

afterAll(() => closeRateLimitStore());

async function closedWithThreeBallots() {
  const e = await makeElection("voting", { seats: 1 });
  const official = await makeOfficial(e.id);
  const a = await makeCandidate(e.id);
  const b = await makeCandidate(e.id);
  for (const ranking of [[[a.id]], [[b.id]], [[a.id], [b.id]]]) await castBallot(await makeVoter(e.id), { electionId: e.id, ranking });
  await closeVoting(official, { electionId: e.id });
  return { e, official, a: a.id, b: b.id };
}

describe("the tally counts only a ballot box that matches the roll", () => {
  it("a stuffed ballot (4 ballots, 3 participations) is refused, named, and nothing changes; once removed the count shows both numbers", async () => {
    const { e, official, b } = await closedWithThreeBallots();
    const stuffed = await prisma.ballot.create({ data: { id: randomUUID(), electionId: e.id, ranking: [[b]], receiptHash: randomUUID() } });
    await expectRefused(() => tallyElection(official, { electionId: e.id }), ConflictError, /4 ballots but 3 voters took part — 1 ballot more than the voters cast/);
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).state).toBe("CLOSED");
    await prisma.ballot.delete({ where: { id: stuffed.id } });
    const result = await tallyElection(official, { electionId: e.id });
    expect(result.ballots).toBe(3);
    expect(result.turnout).toMatchObject({ voted: 3, ballots: 3 });
  });

  it("a missing ballot is refused too", async () => {
    const { e, official } = await closedWithThreeBallots();
    const victim = await prisma.ballot.findFirstOrThrow({ where: { electionId: e.id } });
    await prisma.ballot.delete({ where: { id: victim.id } });
    await expectRefused(() => tallyElection(official, { electionId: e.id }), ConflictError, /2 ballots but 3 voters took part — 1 ballot missing/);
  });

  it("a sealed ballot forged with database access alone (no key) is refused", async () => {
    const { e, official } = await closedWithThreeBallots();
    await prisma.pendingBallot.create({ data: { electionId: e.id, sealed: new Uint8Array([1, ...Array.from({ length: 60 }, (_, i) => i)]) } });
    await expectRefused(() => tallyElection(official, { electionId: e.id }), ConflictError, /1 sealed ballot could not be opened/);
  });
});

describe("ballotBoxMismatch", () => {
  it("names the difference either way, and is silent when they agree", () => {
    expect(ballotBoxMismatch({ voted: 3, ballots: 3, sealed: 0 })).toBeNull();
    expect(ballotBoxMismatch({ voted: 0, ballots: 0, sealed: 0 })).toBeNull();
    expect(ballotBoxMismatch({ voted: 3, ballots: 5, sealed: 0 })).toMatch(/5 ballots but 3 voters took part — 2 ballots more/);
    expect(ballotBoxMismatch({ voted: 1, ballots: 0, sealed: 0 })).toMatch(/0 ballots but 1 voter took part — 1 ballot missing/);
    expect(ballotBoxMismatch({ voted: 3, ballots: 3, sealed: 2 })).toMatch(/2 sealed ballots could not be opened/);
  });
});
