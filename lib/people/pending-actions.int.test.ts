// "Needs you" against the real database: the right counts for a person with
// several roles, nothing for a stranger or for someone else, and a fixed number
// of queries however many elections there are.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { makeCandidate, makeCommunity, makeCommunityAdmin, makeElection, makeUser, uniq } from "@/test/helpers/factories";
import type { Actor } from "@/lib/auth/actor";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pendingActions } from "./pending-actions";
import { electionsYouRun } from "./elections-you-run";

async function putOnRoll(electionId: string, a: Actor) {
  return prisma.electorateEntry.create({ data: { electionId, githubLogin: a.githubLogin, email: a.email } });
}

/**
 * A person who is official of two elections (one with a declaration and an
 * exception request waiting, one whose voting ended unclosed), on the roll of
 * one open vote and one election taking declarations, and admin of one community.
 */
async function busyPerson() {
  const c = await makeCommunity({ name: uniq("Busy") });
  const person = await makeUser({ login: uniq("busy") });
  const reviewing = await makeElection("nominations", { communityId: c.id, title: "Reviewing" });
  const ended = await makeElection("ended", { communityId: c.id, title: "Ended" });
  for (const e of [reviewing, ended]) await prisma.official.create({ data: { electionId: e.id, userId: person.id } });
  await makeCandidate(reviewing.id, { status: "SUBMITTED" });
  await makeCandidate(reviewing.id, { status: "ACCEPTED" });
  const asker = await makeUser();
  await prisma.exceptionRequest.create({ data: { electionId: reviewing.id, userId: asker.id, reason: "I review patches every week." } });
  const voting = await makeElection("voting", { communityId: c.id, title: "Voting" });
  await putOnRoll(voting.id, person);
  const nominating = await makeElection("nominations", { communityId: c.id, title: "Nominating" });
  await putOnRoll(nominating.id, person);
  await prisma.communityAdmin.create({ data: { communityId: c.id, userId: person.id } });
  return { c, person, reviewing, ended, voting, nominating };
}

describe("pendingActions", () => {
  it("counts each kind for a person who is official of 2 elections, voter in 1, declarant-to-be in 1 and admin of 1 community", async () => {
    const { c, person, reviewing, ended, voting, nominating } = await busyPerson();
    const mine = await pendingActions(prisma, person);
    expect(mine.counts).toEqual({ vote: 1, declare: 1, exception: 0, manage: 3, admin: 1 });
    expect(mine.total).toBe(6);
    const base = `/c/${c.slug}/elections`;
    expect(mine.items.map((i) => [i.kind, i.action, i.href])).toEqual([
      ["vote", "Vote", `${base}/${voting.slug}/vote`],
      ["declare", "Stand for election", `${base}/${nominating.slug}/declare`],
      ["manage", "Voting has ended: close it", `${base}/${ended.slug}/manage/close`],
      ["manage", "Review 1 declaration", `${base}/${reviewing.slug}/manage/nominations`],
      ["manage", "Decide 1 exception request", `${base}/${reviewing.slug}/manage/exceptions`],
      ["admin", "Administer the community", `/c/${c.slug}/admin`],
    ]);
    // An official does not stand in their own election: no "declare" for the one they run.
    expect(mine.items.filter((i) => i.href.includes(reviewing.slug)).map((i) => i.kind)).toEqual(["manage", "manage"]);
  });

  it("drops what is done: a vote cast, a declaration made, declarations reviewed, voting closed", async () => {
    const { person, reviewing, ended, voting, nominating } = await busyPerson();
    const entry = await prisma.electorateEntry.findFirstOrThrow({ where: { electionId: voting.id, githubLogin: person.githubLogin } });
    await prisma.participation.create({ data: { electionId: voting.id, entryId: entry.id, userId: person.id } });
    await makeCandidate(nominating.id, { status: "SUBMITTED", user: person });
    await prisma.candidacy.updateMany({ where: { electionId: reviewing.id, status: "SUBMITTED" }, data: { status: "ACCEPTED" } });
    await prisma.election.update({ where: { id: ended.id }, data: { state: "CLOSED", votingClosedAt: new Date() } });
    const mine = await pendingActions(prisma, person);
    expect(mine.counts).toEqual({ vote: 0, declare: 0, exception: 0, manage: 2, admin: 1 });
    expect(mine.items.filter((i) => i.kind === "manage").map((i) => i.action)).toEqual(["Count the votes", "Decide 1 exception request"]);
  });

  it("shows a member their pending request, and a denial with a note while they may ask again, never a granted or withdrawn one", async () => {
    const c = await makeCommunity();
    const member = await makeUser();
    const [pending, denied, deniedSilently, granted, withdrawn, over] = await Promise.all(
      ["Pending", "Denied", "Denied silently", "Granted", "Withdrawn", "Over"].map((title) => makeElection(title === "Over" ? "closed" : "voting", { communityId: c.id, title })),
    );
    const ask = (electionId: string, attempt: number, status: "PENDING" | "DENIED" | "GRANTED" | "WITHDRAWN", decisionNote: string | null = null) =>
      prisma.exceptionRequest.create({ data: { electionId, userId: member.id, attempt, status, decisionNote, reason: "I maintain the docs." } });
    // A later pending request replaces an earlier denial.
    await ask(pending.id, 1, "DENIED", "Please say which docs.");
    await ask(pending.id, 2, "PENDING");
    await ask(denied.id, 1, "DENIED", "Please link your pull requests and ask again.");
    await ask(deniedSilently.id, 1, "DENIED");
    await ask(granted.id, 1, "GRANTED");
    await ask(withdrawn.id, 1, "WITHDRAWN");
    await ask(over.id, 1, "PENDING");
    const mine = await pendingActions(prisma, member);
    expect(mine.items.map((i) => [i.subject, i.action, i.href]).sort()).toEqual(
      [
        ["Denied", "Your exception request was denied: read the officials' note", `/c/${c.slug}/elections/${denied.slug}/exception`],
        ["Pending", "Your exception request awaits the officials", `/c/${c.slug}/elections/${pending.slug}/exception`],
      ].sort(),
    );
    expect(mine.counts.exception).toBe(2);
  });

  it("lists the instance administration for an instance admin, and nothing at all for a stranger or an anonymous visitor", async () => {
    await busyPerson();
    const admin = await makeUser({ login: uniq("iadmin"), isAdmin: true });
    expect((await pendingActions(prisma, admin)).items.map((i) => [i.kind, i.href])).toEqual([["admin", "/admin"]]);
    const stranger = await makeUser();
    expect(await pendingActions(prisma, stranger)).toEqual({ items: [], counts: { vote: 0, declare: 0, exception: 0, manage: 0, admin: 0 }, total: 0 });
    expect((await pendingActions(prisma, null)).total).toBe(0);
  });

  it("shows another person none of the busy person's items, even an admin of the same community", async () => {
    const { c, reviewing } = await busyPerson();
    const otherAdmin = await makeCommunityAdmin(c.id);
    const mine = await pendingActions(prisma, otherAdmin);
    expect(mine.items.map((i) => [i.kind, i.href])).toEqual([["admin", `/c/${c.slug}/admin`]]);
    expect(mine.items.some((i) => i.href.includes(reviewing.slug))).toBe(false);
  });

  it("never offers a draft's or a cancelled election's vote or declaration", async () => {
    const c = await makeCommunity();
    const person = await makeUser();
    for (const phase of ["draft", "cancelled"] as const) {
      for (const at of ["voting", "nominations"] as const) {
        const e = await makeElection(at, { communityId: c.id });
        await prisma.election.update({ where: { id: e.id }, data: { state: phase === "draft" ? "DRAFT" : "CANCELLED" } });
        await putOnRoll(e.id, person);
      }
    }
    expect((await pendingActions(prisma, person)).total).toBe(0);
  });

  it("reads with the same number of queries for 1 election as for 6 (no query per election)", async () => {
    const queriesFor = async (elections: number) => {
      const c = await makeCommunity();
      const person = await makeUser({ login: uniq("many") });
      await prisma.communityAdmin.create({ data: { communityId: c.id, userId: person.id } });
      for (let i = 0; i < elections; i++) {
        const run = await makeElection("nominations", { communityId: c.id });
        await prisma.official.create({ data: { electionId: run.id, userId: person.id } });
        await makeCandidate(run.id, { status: "SUBMITTED" });
        await putOnRoll((await makeElection("voting", { communityId: c.id })).id, person);
      }
      // A client of its own that reports every SQL statement it sends.
      const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
      let queries = 0;
      logged.$on("query", () => {
        queries += 1;
      });
      const mine = await pendingActions(logged, person).finally(() => logged.$disconnect());
      expect(mine.counts.manage).toBe(elections);
      expect(mine.counts.vote).toBe(elections);
      return queries;
    };
    const one = await queriesFor(1);
    expect(await queriesFor(6)).toBe(one);
    // Five reads, each possibly with its relation loads; never one per election.
    expect(one).toBeGreaterThanOrEqual(5);
    expect(one).toBeLessThanOrEqual(15);
  });
});

describe("electionsYouRun", () => {
  it("lists every election the person is an official of, live first, cancelled last, and nothing of others'", async () => {
    const c = await makeCommunity();
    const person = await makeUser();
    const made: Record<string, string> = {};
    // Created so that newest-first would put the cancelled and the published one first.
    for (const phase of ["nominations", "draft", "published", "cancelled"] as const) {
      const e = await makeElection(phase, { communityId: c.id, title: phase });
      if (phase === "cancelled") await prisma.election.update({ where: { id: e.id }, data: { cancelledAt: new Date(), cancelReason: "Called off." } });
      await prisma.official.create({ data: { electionId: e.id, userId: person.id } });
      made[phase] = e.id;
    }
    await makeElection("voting", { communityId: c.id, title: "someone else's" }).then((e) => makeCandidate(e.id));
    const mine = await electionsYouRun(prisma, person);
    expect(mine.map((e) => [e.title, e.phase])).toEqual([
      ["nominations", "nominations"],
      ["draft", "draft"],
      ["published", "published"],
      ["cancelled", "cancelled"],
    ]);
    expect(await electionsYouRun(prisma, await makeUser())).toEqual([]);
    expect(await electionsYouRun(prisma, null)).toEqual([]);
  });
});
