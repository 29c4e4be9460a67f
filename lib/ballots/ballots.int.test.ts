import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { closeVoting } from "@/lib/elections/close-voting";
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

async function entryOf(electionId: string, userId: string): Promise<string> {
  return (await prisma.participation.findUniqueOrThrow({ where: { electionId_userId: { electionId, userId } } })).entryId;
}

/** Closes voting (which moves every pending ballot into Ballot) and returns the rankings stored, sorted. */
async function closeAndReadBox(electionId: string): Promise<{ ballots: string[]; participations: number }> {
  await closeVoting(await makeOfficial(electionId), { electionId });
  const ballots = (await prisma.ballot.findMany({ where: { electionId }, select: { ranking: true } })).map((b) => JSON.stringify(b.ranking)).sort();
  return { ballots, participations: await prisma.participation.count({ where: { electionId } }) };
}

describe("castBallot", () => {
  it("seals the ballot with a receipt hash bound to the roll entry, records that entry's participation, and returns the code once", async () => {
    const { e, a, b, c } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt, ranking } = await castBallot(voter, { electionId: e.id, ranking: [[b], [c, a]] });
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(ranking).toEqual([[b], [a, c].sort()]);
    const entry = await prisma.electorateEntry.findFirstOrThrow({ where: { electionId: e.id, githubLogin: voter.githubLogin } });
    expect(await prisma.participation.findMany({ where: { electionId: e.id } })).toEqual([{ electionId: e.id, entryId: entry.id, userId: voter.id }]);
    // One ballot is fewer than a group: it waits sealed, and its content is not readable in the row.
    expect(await prisma.ballot.count({ where: { electionId: e.id } })).toBe(0);
    const [pending] = await prisma.pendingBallot.findMany({ where: { electionId: e.id } });
    const bytes = Buffer.from(pending.sealed).toString("latin1");
    for (const needle of [a, b, c, receiptHash(entry.id, receipt)]) expect(bytes).not.toContain(needle);
    expect(await viewBallot(voter, { electionId: e.id, receipt })).toEqual({ ranking: [[b], [a, c].sort()], receiptHash: receiptHash(entry.id, receipt) });
    // Participation is the record: no audit entry for a ballot.
    expect(await prisma.auditEntry.count({ where: { electionId: e.id } })).toBe(0);
    expect(await closeAndReadBox(e.id)).toEqual({ ballots: [JSON.stringify([[b], [a, c].sort()])], participations: 1 });
  });

  it("accepts an empty ranking as an abstention", async () => {
    const { e } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [] });
    expect(await viewBallot(voter, { electionId: e.id, receipt })).toMatchObject({ ranking: [] });
  });

  it("lets a voter on the roll by email (no GitHub login) vote", async () => {
    const { e, a } = await votingElection();
    const voter = await makeUser({ login: null, email: "Mixed.Case@Example.org" });
    const entry = await prisma.electorateEntry.create({ data: { electionId: e.id, email: `mixed.case@example.org` } });
    await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    expect(await entryOf(e.id, voter.id)).toBe(entry.id);
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

  it("refuses rankings with unknown, unaccepted or repeated candidates, empty tiers, and malformed submission ids", async () => {
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
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[a]], submissionId: "short" }), InvalidInputError, /submission/);
  });
});

describe("one roll entry, one ballot (issue 6.1)", () => {
  it("a second account presenting the same GitHub login (renamed, then re-registered) cannot vote again for the entry", async () => {
    const { e, a, b } = await votingElection();
    const first = await makeVoter(e.id);
    await castBallot(first, { electionId: e.id, ranking: [[a]] });
    // The first account renames away on GitHub; someone registers the freed login (or an IdP presents it as preferred_username).
    await prisma.user.update({ where: { id: first.id }, data: { githubLogin: null } });
    const second = await makeUser({ login: first.githubLogin, email: "someone-else@example.org" });
    await expectRefused(() => castBallot(second, { electionId: e.id, ranking: [[b]] }), ConflictError, /already been cast for your entry/);
    expect(await closeAndReadBox(e.id)).toEqual({ ballots: [JSON.stringify([[a]])], participations: 1 });
  });

  it("an entry whose login and email belong to two different accounts yields one ballot", async () => {
    const { e, a, b } = await votingElection();
    const byLogin = await makeUser({ email: "login-owner@example.org" });
    const byEmail = await makeUser({ email: "mail-owner@example.org" });
    await prisma.electorateEntry.create({ data: { electionId: e.id, githubLogin: byLogin.githubLogin, email: "mail-owner@example.org" } });
    await castBallot(byEmail, { electionId: e.id, ranking: [[a]] });
    await expectRefused(() => castBallot(byLogin, { electionId: e.id, ranking: [[b]] }), ConflictError, /already been cast for your entry/);
    expect((await closeAndReadBox(e.id)).ballots).toEqual([JSON.stringify([[a]])]);
  });

  it("two accounts racing for one entry: exactly one ballot, however many attempts", async () => {
    const { e, a } = await votingElection();
    const one = await makeUser();
    const two = await makeUser();
    await prisma.electorateEntry.create({ data: { electionId: e.id, githubLogin: one.githubLogin, email: two.email } });
    const attempts = Array.from({ length: 10 }, (_, i) => castBallot(i % 2 ? one : two, { electionId: e.id, ranking: [[a]] }));
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await closeAndReadBox(e.id)).toMatchObject({ participations: 1, ballots: [JSON.stringify([[a]])] });
  });

  it("one account that two entries name (one by login, one by email) votes once", async () => {
    const { e, a } = await votingElection();
    const voter = await makeUser();
    await prisma.electorateEntry.create({ data: { electionId: e.id, githubLogin: voter.githubLogin } });
    await prisma.electorateEntry.create({ data: { electionId: e.id, email: voter.email } });
    await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [] }), ConflictError, /already voted/);
    expect(await closeAndReadBox(e.id)).toEqual({ ballots: [JSON.stringify([[a]])], participations: 1 });
  });
});

describe("a receipt opens only its own voter's ballot (issue 6.2)", () => {
  it("another voter holding the code can neither see nor replace the ballot, and the owner keeps full use of it", async () => {
    const { e, a, b } = await votingElection();
    const owner = await makeVoter(e.id);
    const thief = await makeVoter(e.id);
    const { receipt } = await castBallot(owner, { electionId: e.id, ranking: [[a], [b]] });
    await castBallot(thief, { electionId: e.id, ranking: [[b]] });
    await expectRefused(() => viewBallot(thief, { electionId: e.id, receipt }), NotFoundError);
    await expectRefused(() => replaceBallot(thief, { electionId: e.id, receipt, ranking: [] }), NotFoundError);
    await expectRefused(() => viewBallot(null, { electionId: e.id, receipt }), ForbiddenError);
    const stranger = await makeUser();
    await expectRefused(() => viewBallot(stranger, { electionId: e.id, receipt }), ForbiddenError, /only the voter who cast/);
    // The owner is not locked out.
    expect((await viewBallot(owner, { electionId: e.id, receipt })).ranking).toEqual([[a], [b]]);
    const next = await replaceBallot(owner, { electionId: e.id, receipt, ranking: [[b]] });
    expect((await viewBallot(owner, { electionId: e.id, receipt: next.receipt })).ranking).toEqual([[b]]);
  });

  it("after publication the voter finds their ballot while signed in, and only they can", async () => {
    const { e, a } = await votingElection();
    const voter = await makeVoter(e.id);
    const other = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    await castBallot(other, { electionId: e.id, ranking: [] });
    await closeVoting(await makeOfficial(e.id), { electionId: e.id });
    await prisma.election.update({ where: { id: e.id }, data: { state: "PUBLISHED" } });
    const hash = receiptHash(await entryOf(e.id, voter.id), receipt);
    expect(await viewBallot(voter, { electionId: e.id, receipt })).toEqual({ ranking: [[a]], receiptHash: hash });
    // The published hash is the one in Ballot, so the voter can find it in the public list.
    expect(await prisma.ballot.count({ where: { electionId: e.id, receiptHash: hash } })).toBe(1);
    await expectRefused(() => viewBallot(other, { electionId: e.id, receipt }), NotFoundError);
    await expectRefused(() => viewBallot(null, { electionId: e.id, receipt }), ForbiddenError);
    await prisma.election.update({ where: { id: e.id }, data: { publishBallots: false } });
    await expectRefused(() => viewBallot(voter, { electionId: e.id, receipt }), ConflictError);
  });

  it("refuses unknown receipts, receipts of another election, malformed codes, and closed voting", async () => {
    const { e } = await votingElection();
    const other = await votingElection();
    const voter = await makeVoter(other.e.id);
    await prisma.electorateEntry.create({ data: { electionId: e.id, githubLogin: voter.githubLogin } });
    const { receipt } = await castBallot(voter, { electionId: other.e.id, ranking: [[other.a]] });
    await castBallot(voter, { electionId: e.id, ranking: [] });
    await expectRefused(() => viewBallot(voter, { electionId: e.id, receipt }), NotFoundError);
    await expectRefused(() => viewBallot(voter, { electionId: e.id, receipt: "ABCD-EFGH-JKMN-PQRS-TVWX" }), NotFoundError);
    await expectRefused(() => viewBallot(voter, { electionId: e.id, receipt: "hello" }), InvalidInputError, /not a receipt code/);
    await prisma.election.update({ where: { id: other.e.id }, data: { state: "CLOSED" } });
    await expectRefused(() => viewBallot(voter, { electionId: other.e.id, receipt }), ConflictError);
  });
});

describe("replaceBallot", () => {
  it("replaces the ballot and rotates the receipt: the old code stops working at once", async () => {
    const { e, a, b } = await votingElection();
    const voter = await makeVoter(e.id);
    const first = await castBallot(voter, { electionId: e.id, ranking: [[a], [b]] });
    const second = await replaceBallot(voter, { electionId: e.id, receipt: first.receipt, ranking: [[b], [a]] });
    expect(second.receipt).not.toBe(first.receipt);
    expect((await viewBallot(voter, { electionId: e.id, receipt: second.receipt })).ranking).toEqual([[b], [a]]);
    await expectRefused(() => viewBallot(voter, { electionId: e.id, receipt: first.receipt }), NotFoundError);
    await expectRefused(() => replaceBallot(voter, { electionId: e.id, receipt: first.receipt, ranking: [[a]] }), NotFoundError, /no longer works/);
    const third = await replaceBallot(voter, { electionId: e.id, receipt: second.receipt, ranking: [] });
    expect(await closeAndReadBox(e.id)).toEqual({ ballots: ["[]"], participations: 1 });
    await prisma.election.update({ where: { id: e.id }, data: { state: "PUBLISHED" } });
    expect((await viewBallot(voter, { electionId: e.id, receipt: third.receipt })).ranking).toEqual([]);
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

  it("two simultaneous replacements with one code: exactly one wins", async () => {
    const { e, a, b } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    const results = await Promise.allSettled([
      replaceBallot(voter, { electionId: e.id, receipt, ranking: [[b]] }),
      replaceBallot(voter, { electionId: e.id, receipt, ranking: [] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await closeAndReadBox(e.id)).ballots).toHaveLength(1);
  });
});

describe("a reply lost after the commit does not lock the voter out (issue 6.9)", () => {
  it("retrying a cast with the same submission id answers with the same receipt and counts once", async () => {
    const { e, a, b } = await votingElection();
    const voter = await makeVoter(e.id);
    const submissionId = "browser-submission-0001";
    const first = await castBallot(voter, { electionId: e.id, ranking: [[a]], submissionId });
    // The browser never saw `first`; it retries the same submission (perhaps after editing the ranking).
    const again = await castBallot(voter, { electionId: e.id, ranking: [[b]], submissionId });
    expect(again).toEqual({ receipt: first.receipt, ranking: [[a]] });
    expect((await viewBallot(voter, { electionId: e.id, receipt: again.receipt })).ranking).toEqual([[a]]);
    // Another submission is a second ballot, which stays refused.
    await expectRefused(() => castBallot(voter, { electionId: e.id, ranking: [[b]], submissionId: "browser-submission-0002" }), ConflictError, /already voted/);
    expect(await closeAndReadBox(e.id)).toEqual({ ballots: [JSON.stringify([[a]])], participations: 1 });
  });

  it("retrying a replacement with the old code and the same submission id answers with the same new receipt", async () => {
    const { e, a, b } = await votingElection();
    const voter = await makeVoter(e.id);
    const { receipt } = await castBallot(voter, { electionId: e.id, ranking: [[a]] });
    const submissionId = "browser-submission-0003";
    const replaced = await replaceBallot(voter, { electionId: e.id, receipt, ranking: [[b]], submissionId });
    const retried = await replaceBallot(voter, { electionId: e.id, receipt, ranking: [[b]], submissionId });
    expect(retried).toEqual(replaced);
    await expectRefused(() => replaceBallot(voter, { electionId: e.id, receipt, ranking: [[b]], submissionId: "browser-submission-0004" }), NotFoundError);
    expect(await closeAndReadBox(e.id)).toEqual({ ballots: [JSON.stringify([[b]])], participations: 1 });
  });
});
