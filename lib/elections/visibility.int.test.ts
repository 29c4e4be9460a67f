import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeVoter } from "@/test/helpers/factories";
import { cancelElection } from "./cancel-election";
import { openElection } from "./open-election";
import { canSeeElection, PUBLIC_ELECTION_WHERE, visibleElectionsWhere } from "./visibility";

const isListed = async (id: string) => (await prisma.election.count({ where: { id, ...PUBLIC_ELECTION_WHERE } })) === 1;

describe("which elections the public sees", () => {
  it("a draft cancelled before it opened never becomes public", async () => {
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    expect(await isListed(e.id)).toBe(false);
    await cancelElection(official, { electionId: e.id, reason: "set up by mistake" });
    expect(await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ state: "CANCELLED", openedAt: null });
    expect(await isListed(e.id)).toBe(false);
  });

  it("opening records when, and an opened election stays public once cancelled", async () => {
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    const before = Date.now();
    await openElection(official, { electionId: e.id });
    const opened = await prisma.election.findUniqueOrThrow({ where: { id: e.id } });
    expect(opened.state).toBe("SCHEDULED");
    expect(opened.openedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await isListed(e.id)).toBe(true);
    await cancelElection(official, { electionId: e.id, reason: "withdrawn by the steering committee" });
    expect(await isListed(e.id)).toBe(true);
  });
});

describe("who sees a private election, across communities (issue 7)", () => {
  it("A's draft is seen by its official and A's admins only, never by B's admin or official, an instance admin, a voter or anonymous", async () => {
    const a = await makeCommunity();
    const b = await makeCommunity();
    const adminA = await makeCommunityAdmin(a.id);
    const adminB = await makeCommunityAdmin(b.id);
    const officialB = await makeOfficial((await makeElection("draft", { communityId: b.id })).id);
    const draft = await makeElection("draft", { communityId: a.id });
    const official = await makeOfficial(draft.id);
    const published = await makeElection("published", { communityId: a.id });
    const listed = async (actorId: string | undefined) =>
      (await prisma.election.findMany({ where: { AND: [{ id: { in: [draft.id, published.id] } }, visibleElectionsWhere(actorId)] }, select: { id: true } })).map((e) => e.id).sort();

    for (const [who, actor] of [["A's admin", adminA], ["the draft's official", official]] as const) {
      expect(await canSeeElection(prisma, actor.id, draft), who).toBe(true);
      expect(await listed(actor.id), who).toEqual([draft.id, published.id].sort());
    }
    const outsiders: [string, Actor | null][] = [
      ["B's admin", adminB],
      ["B's official", officialB],
      ["an instance admin not named in A", await makeAdmin()],
      ["a voter of the draft", await makeVoter(draft.id)],
      ["anonymous", null],
    ];
    for (const [who, actor] of outsiders) {
      expect(await canSeeElection(prisma, actor?.id, draft), who).toBe(false);
      expect(await canSeeElection(prisma, actor?.id, published), who).toBe(true);
      expect(await listed(actor?.id), who).toEqual([published.id]);
    }
  });
});
