import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { castBallot } from "./cast-ballot";
import { viewBallot } from "./view-ballot";
import { replaceBallot } from "./replace-ballot";
import { receiptHash } from "./receipt";
import { expectRefused, makeCandidate, makeElection, makeOfficial, makeUser, makeVoter } from "@/test/helpers/factories";

afterAll(() => closeRateLimitStore());

async function votingElection() {
  const e = await makeElection("voting", { seats: 1 });
  const [a, b, c] = [await makeCandidate(e.id), await makeCandidate(e.id), await makeCandidate(e.id)];
  return { e, a: a.id, b: b.id, c: c.id };
}

describe("castBallot", () => {
  it("stores the ranking and a receipt hash, and records participation; the code is returned once", async () => {
    const { e, a, b, c } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[b], [c, a]] });
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const ballots = await prisma.ballot.findMany({ where: { electionId: e.id } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0].ranking).toEqual([[b], [a, c].sort()]);
    expect(ballots[0].receiptHash).toBe(receiptHash(receipt));
    expect(await prisma.participation.count({ where: { electionId: e.id, userId: voter.id } })).toBe(1);
    // Participation is the record: no audit entry for a ballot.
    expect(await prisma.auditEntry.count({ where: { electionId: e.id } })).toBe(0);
  });

  it("accepts an empty ranking as an abstention", async () => {
    const { e } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [] });
    expect(await viewBallot(null, { electionId: e.id, receipt })).toMatchObject({ ranking: [] });
  });

  it("lets a voter on the roll by email (no GitHub login) vote", async () => {
    const { e, a } = await votingElection();
    const voter = await makeUser({ login: null, email: "Mixed.Case@Example.org" });
    await prisma.electorateEntry.create({ data: { electionId: e.id, email: "mixed.case@example.org" } });
    await castBallot(voter, { electionId: e.id, ranking: [[a]] });
  });

  it("refuses a second first ballot with a message pointing to the receipt", async () => {
    const { e, a } = await votingElection();
    const voter = await makeVoter(e.id);
    await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[a]] }), ConflictError, /already voted; use your receipt/);
  });

  it("refuses anonymous people and members not on the roll (officials and candidates included)", async () => {
    const { e, a } = await votingElection();
    await expectRefused(() => castBallot(null, { electionId: e.id, ranking: [[a]] }), ForbiddenError);
    const stranger = await makeUser();
    await expectRefused(() => castBallot(stranger, { electionId: e.id, ranking: [[a]] }), ForbiddenError, /not on the electorate/);
    const official = await makeOfficial(e.id);
    await expectRefused(() => castBallot(official, { electionId: e.id, ranking: [[a]] }), ForbiddenError);
    const candUser = await makeUser();
    await makeCandidate(e.id, { user: candUser });
    await expectRefused(() => castBallot(candUser, { electionId: e.id, ranking: [[a]] }), ForbiddenError);
    const elsewhere = await makeVoter((await makeElection("voting")).id);
    await expectRefused(() => castBallot(elsewhere, { electionId: e.id, ranking: [[a]] }), ForbiddenError);
  });

  it("refuses outside the voting window or once closed", async () => {
    for (const phase of ["draft", "nominations", "campaign", "ended", "closed", "published", "cancelled"] as const) {
      const e = await makeElection(phase);
      const c = await makeCandidate(e.id);
      const voter = await makeVoter(e.id);
      await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[c.id]] }), ConflictError, /Voting is not open/);
    }
  });

  it("refuses rankings with unknown, unaccepted or repeated candidates, and empty tiers", async () => {
    const { e, a, b } = await votingElection();
    const submitted = await makeCandidate(e.id, { status: "SUBMITTED" });
    const other = await votingElection();
    const voter = await makeVoter(e.id);
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[a], ["nobody"]] }), InvalidInputError, /not a candidate/);
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[submitted.id]] }), InvalidInputError, /not a candidate/);
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[other.a]] }), InvalidInputError, /not a candidate/);
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[a], [b, a]] }), InvalidInputError, /more than once/);
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[a], []] }), InvalidInputError, /tier cannot be empty/);
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: "a>b" as never }), InvalidInputError, /ranking/);
  });
});

describe("viewBallot", () => {
  it("shows the ballot for its receipt while voting is open, typed loosely", async () => {
    const { e, a, b } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[a], [b]] });
    const sloppy = receipt.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect((await viewBallot(null, { electionId: e.id, receipt: sloppy })).ranking).toEqual([[a], [b]]);
  });

  it("refuses unknown receipts, receipts of another election, malformed codes, and closed voting", async () => {
    const { e, a } = await votingElection();
    const other = await votingElection();
    const voter = await makeVoter(other.e.id);
    const { receipt } = await castBallot(voter, { electionId: other.e.id, ranking: [[other.a]] });
    await expect(viewBallot(null, { electionId: e.id, receipt })).rejects.toBeInstanceOf(NotFoundError);
    await expect(viewBallot(null, { electionId: e.id, receipt: "ABCD-EFGH-JKMN-PQRS-TVWX" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(viewBallot(null, { electionId: e.id, receipt: "hello" })).rejects.toThrow(/not a receipt code/);
    await prisma.election.update({ where: { id: other.e.id }, data: { state: "CLOSED" } });
    await expect(viewBallot(null, { electionId: other.e.id, receipt })).rejects.toBeInstanceOf(ConflictError);
    expect(a).toBeTruthy();
  });

  it("after publication finds the ballot only if the election publishes its ballots", async () => {
    const { e, a } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    await prisma.election.update({ where: { id: e.id }, data: { state: "PUBLISHED" } });
    expect(await viewBallot(null, { electionId: e.id, receipt })).toEqual({ ranking: [[a]], receiptHash: receiptHash(receipt) });
    await prisma.election.update({ where: { id: e.id }, data: { publishBallots: false } });
    await expect(viewBallot(null, { electionId: e.id, receipt })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("replaceBallot", () => {
  it("replaces the ballot and rotates the receipt: the old code stops working", async () => {
    const { e, a, b } = await votingElection();
    const voter = await makeVoter(e.id);
    const first = await castBallot(voter, { electionId: e.id, ranking: [[a], [b]] });
    const second = await replaceBallot(voter, { electionId: e.id, receipt: first.receipt, ranking: [[b], [a]] });
    expect(second.receipt).not.toBe(first.receipt);
    expect(await prisma.ballot.count({ where: { electionId: e.id } })).toBe(1);
    expect((await viewBallot(null, { electionId: e.id, receipt: second.receipt })).ranking).toEqual([[b], [a]]);
    await expect(viewBallot(null, { electionId: e.id, receipt: first.receipt })).rejects.toBeInstanceOf(NotFoundError);
    await expectRefused(() => replaceBallot(voter, { electionId: e.id, receipt: first.receipt, ranking: [[a]] }), NotFoundError, /no longer works/);
  });

  it("refuses anonymous, non-voters, voters who have not voted, bad rankings and closed voting", async () => {
    const { e, a } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    await expectRefused(() => replaceBallot(null, { electionId: e.id, receipt, ranking: [] }), ForbiddenError);
    const stranger = await makeUser();
    await expectRefused(() => replaceBallot(stranger, { electionId: e.id, receipt, ranking: [] }), ForbiddenError);
    const official = await makeOfficial(e.id);
    await expectRefused(() => replaceBallot(official, { electionId: e.id, receipt, ranking: [] }), ForbiddenError);
    const notYet = await makeVoter(e.id);
    await expectRefused(() => replaceBallot(notYet, { electionId: e.id, receipt, ranking: [] }), ForbiddenError, /not voted/);
    await expectRefused(() => replaceBallot(voter, { electionId: e.id, receipt, ranking: [["zzz"]] }), InvalidInputError, /not a candidate/);
    await expectRefused(() => replaceBallot(voter, { electionId: e.id, receipt: "", ranking: [] }), InvalidInputError, /receipt/);
    await prisma.election.update({ where: { id: e.id }, data: { state: "CLOSED" } });
    await expectRefused(() => replaceBallot(voter, { electionId: e.id, receipt, ranking: [] }), ConflictError, /not open/);
  });
});
