// A member's exception requests over their life: withdraw, ask again after a
// denial, the limit, and races. decideException takes only a pending request.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { requestException, MAX_EXCEPTION_REQUESTS } from "./request-exception";
import { withdrawException } from "./withdraw-exception";
import { decideException } from "./decide-exception";
import { isEligibleVoter } from "./check-eligibility";
import { expectRefused, makeElection, makeOfficial, makeUser } from "@/test/helpers/factories";

async function votingElection() {
  const e = await makeElection("voting");
  return { e, official: await makeOfficial(e.id) };
}

describe("withdrawException", () => {
  it("lets the author take back a pending request, and nobody else", async () => {
    const { e } = await votingElection();
    const member = await makeUser();
    const other = await makeUser();
    const { id } = await requestException(member, { electionId: e.id, reason: "I review pull requests every week" });
    // Another member learns nothing: not "forbidden", just not found.
    await expectRefused(() => withdrawException(other, { requestId: id }), NotFoundError, /No such exception request/);
    await expectRefused(() => withdrawException(null, { requestId: id }), ForbiddenError);
    await expectRefused(() => withdrawException(member, { requestId: "no-such-request" }), NotFoundError);
    await withdrawException(member, { requestId: id });
    const row = await prisma.exceptionRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("WITHDRAWN");
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    // Twice is a conflict, not a second write.
    await expectRefused(() => withdrawException(member, { requestId: id }), ConflictError, /no longer be withdrawn/);
  });

  it("refuses once an official has decided", async () => {
    const { e, official } = await votingElection();
    const member = await makeUser();
    const { id } = await requestException(member, { electionId: e.id, reason: "I write the docs" });
    await decideException(official, { requestId: id, grant: false, note: "Please ask again with links." });
    await expectRefused(() => withdrawException(member, { requestId: id }), ConflictError, /already decided/);
    expect((await prisma.exceptionRequest.findUniqueOrThrow({ where: { id } })).status).toBe("DENIED");
  });
});

describe("asking again", () => {
  it("after a denial works and numbers the new request attempt 2", async () => {
    const { e, official } = await votingElection();
    const member = await makeUser();
    const first = await requestException(member, { electionId: e.id, reason: "I help on the forum" });
    await decideException(official, { requestId: first.id, grant: false, note: "Please ask again with links." });
    const second = await requestException(member, { electionId: e.id, reason: "Forum: https://example.org/u/me" });
    const rows = await prisma.exceptionRequest.findMany({ where: { electionId: e.id, userId: member.id }, orderBy: { attempt: "asc" } });
    expect(rows.map((r) => [r.id, r.attempt, r.status])).toEqual([
      [first.id, 1, "DENIED"],
      [second.id, 2, "PENDING"],
    ]);
    // The new one can be granted and puts the member on the roll.
    await decideException(official, { requestId: second.id, grant: true });
    expect(await isEligibleVoter(prisma, member, e.id)).toBe(true);
  });

  it("after a withdrawal works; a fourth request is refused in words", async () => {
    const { e, official } = await votingElection();
    const member = await makeUser();
    expect(MAX_EXCEPTION_REQUESTS).toBe(3);
    const a = await requestException(member, { electionId: e.id, reason: "first" });
    await withdrawException(member, { requestId: a.id });
    const b = await requestException(member, { electionId: e.id, reason: "second" });
    await decideException(official, { requestId: b.id, grant: false });
    const c = await requestException(member, { electionId: e.id, reason: "third" });
    await withdrawException(member, { requestId: c.id });
    await expectRefused(() => requestException(member, { electionId: e.id, reason: "fourth" }), ConflictError, /asked 3 times.*write to the officials/);
    expect(await prisma.exceptionRequest.count({ where: { electionId: e.id, userId: member.id } })).toBe(3);
  });

  it("is refused while a request is pending, and after a grant", async () => {
    const { e, official } = await votingElection();
    const member = await makeUser();
    const { id } = await requestException(member, { electionId: e.id, reason: "first" });
    await expectRefused(() => requestException(member, { electionId: e.id, reason: "again" }), ConflictError, /already asked/);
    await decideException(official, { requestId: id, grant: true });
    // Granted: on the roll now, so the eligibility check answers first.
    await expectRefused(() => requestException(member, { electionId: e.id, reason: "again" }), ConflictError, /already on the electorate/);
  });

  it("two requests sent at once create exactly one", async () => {
    const { e } = await votingElection();
    const member = await makeUser();
    const results = await Promise.allSettled([
      requestException(member, { electionId: e.id, reason: "one" }),
      requestException(member, { electionId: e.id, reason: "two" }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ConflictError);
    const rows = await prisma.exceptionRequest.findMany({ where: { electionId: e.id, userId: member.id } });
    expect(rows.map((r) => [r.attempt, r.status])).toEqual([[1, "PENDING"]]);
  });
});

describe("decideException on a withdrawn request", () => {
  it("cannot grant or deny it, and the member stays off the roll", async () => {
    const { e, official } = await votingElection();
    const member = await makeUser();
    const { id } = await requestException(member, { electionId: e.id, reason: "I triage issues" });
    await withdrawException(member, { requestId: id });
    await expectRefused(() => decideException(official, { requestId: id, grant: true }), ConflictError, /withdrew this request; there is nothing to decide/);
    await expectRefused(() => decideException(official, { requestId: id, grant: false, note: "x" }), ConflictError);
    expect(await isEligibleVoter(prisma, member, e.id)).toBe(false);
  });
});
