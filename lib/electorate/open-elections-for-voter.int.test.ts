// "My elections" against the real database: across communities, the voted
// flag, exceptions, and never a draft or an election whose roll omits them.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { makeCommunity, makeElection, makeUser, makeVoter } from "@/test/helpers/factories";
import type { Actor } from "@/lib/auth/actor";
import { openElectionsForVoter } from "./open-elections-for-voter";

async function putOnRoll(electionId: string, a: Actor, source = "import") {
  return prisma.electorateEntry.create({ data: { electionId, githubLogin: a.githubLogin, email: a.email, source } });
}

describe("openElectionsForVoter", () => {
  it("lists the voting elections of both communities a member is on the rolls of, with whether they voted", async () => {
    const [one, two] = [await makeCommunity({ name: "One" }), await makeCommunity({ name: "Two" })];
    const e1 = await makeElection("voting", { communityId: one.id, title: "One's vote" });
    const e2 = await makeElection("voting", { communityId: two.id, title: "Two's vote" });
    const voter = await makeVoter(e1.id);
    const entry2 = await putOnRoll(e2.id, voter);
    await prisma.participation.create({ data: { electionId: e2.id, entryId: entry2.id, userId: voter.id } });

    const mine = await openElectionsForVoter(prisma, voter);
    expect(mine.voting.map((e) => [e.title, e.community.slug, e.voted])).toEqual(
      expect.arrayContaining([
        ["One's vote", one.slug, false],
        ["Two's vote", two.slug, true],
      ]),
    );
    expect(mine.voting).toHaveLength(2);
    // Only the flag: nothing of a ballot, receipt or roll entry travels with it.
    expect(Object.keys(mine.voting[0]).sort()).toEqual(["community", "id", "slug", "title", "voted", "votingCloseAt"]);
  });

  it("matches the roll by GitHub login case-insensitively or by email, and counts a granted exception", async () => {
    const c = await makeCommunity();
    const byLogin = await makeElection("voting", { communityId: c.id });
    const byEmail = await makeElection("voting", { communityId: c.id });
    const byException = await makeElection("voting", { communityId: c.id });
    const person = await makeUser({ login: "Mixed-Case-Person", email: "Mixed@Example.org" });
    await prisma.electorateEntry.create({ data: { electionId: byLogin.id, githubLogin: "mixed-case-person", email: null } });
    await prisma.electorateEntry.create({ data: { electionId: byEmail.id, githubLogin: null, email: "mixed@example.org" } });
    await putOnRoll(byException.id, person, "exception");
    const ids = (await openElectionsForVoter(prisma, { ...person, githubLogin: "Mixed-Case-Person", email: "MIXED@example.org" })).voting.map((e) => e.id);
    expect(ids.sort()).toEqual([byLogin.id, byEmail.id, byException.id].sort());
  });

  it("never lists drafts, elections not open for voting, or elections whose roll omits the person", async () => {
    const c = await makeCommunity();
    const person = await makeUser();
    for (const phase of ["draft", "upcoming", "campaign", "ended", "closed", "published", "cancelled"] as const) {
      const e = await makeElection(phase, { communityId: c.id });
      await putOnRoll(e.id, person);
    }
    const draftInVotingWindow = await prisma.election.create({
      data: { communityId: c.id, slug: `draft-${person.id}`, title: "Draft", seats: 1, state: "DRAFT", votingOpenAt: new Date(Date.now() - 3600_000), votingCloseAt: new Date(Date.now() + 3600_000) },
    });
    await putOnRoll(draftInVotingWindow.id, person);
    await makeVoter((await makeElection("voting", { communityId: c.id })).id); // someone else's roll
    expect((await openElectionsForVoter(prisma, person)).voting).toEqual([]);
  });

  it("shows a non-voter nothing, and an anonymous visitor nothing", async () => {
    const c = await makeCommunity();
    await makeVoter((await makeElection("voting", { communityId: c.id })).id);
    await makeElection("nominations", { communityId: c.id });
    const stranger = await makeUser();
    expect(await openElectionsForVoter(prisma, stranger)).toEqual({ voting: [], nominations: [] });
    expect(await openElectionsForVoter(prisma, null)).toEqual({ voting: [], nominations: [] });
  });

  it("lists open nominations in communities where the person is on a public roll, not elsewhere, not drafts", async () => {
    const [mine, other] = [await makeCommunity(), await makeCommunity()];
    const past = await makeElection("published", { communityId: mine.id });
    const person = await makeVoter(past.id);
    const nominating = await makeElection("nominations", { communityId: mine.id, title: "Nominating" });
    await makeElection("nominations", { communityId: other.id });
    await makeElection("upcoming", { communityId: mine.id });
    await prisma.election.create({ data: { ...(await nominationsDraft(mine.id)) } });
    const { nominations } = await openElectionsForVoter(prisma, person);
    expect(nominations.map((e) => e.id)).toEqual([nominating.id]);

    // A roll of a draft (not yet public) makes nobody a member.
    const hidden = await makeCommunity();
    const draft = await makeElection("draft", { communityId: hidden.id });
    const insider = await makeVoter(draft.id);
    await makeElection("nominations", { communityId: hidden.id });
    expect((await openElectionsForVoter(prisma, insider)).nominations).toEqual([]);
  });
});

async function nominationsDraft(communityId: string) {
  const h = 3600_000;
  return {
    communityId,
    slug: `nd-${Math.random().toString(36).slice(2, 10)}`,
    title: "Draft nominations",
    seats: 1,
    state: "DRAFT" as const,
    nominationsOpenAt: new Date(Date.now() - h),
    nominationsCloseAt: new Date(Date.now() + h),
  };
}
