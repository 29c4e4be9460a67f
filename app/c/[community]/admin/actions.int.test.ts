// The community admin page's server actions against the real database: each
// one is refused on the server to everyone but an admin of that community
// (another community's admin, the election's official, an instance admin not
// named there, anonymous), whatever the page showed them, and changes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ActionState } from "@/app/_lib/action-state";
import { prisma } from "@/lib/db/client";
import type { Community, Election } from "@/lib/generated/prisma/client";
import { dbDigest, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, uniq } from "@/test/helpers/factories";
import { formData, runAs } from "@/test/helpers/server-action-calls";

const who = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => who.actor }));
// No Next.js request here to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createElectionAction, appointOfficialAction, removeOfficialAction } = await import("./actions");

const form = formData;

let a: Community;
let election: Election;
let adminA: Actor;
let official: Actor;
let wrong: [string, Actor | null][];

beforeAll(async () => {
  a = await makeCommunity();
  const b = await makeCommunity();
  election = await makeElection("draft", { communityId: a.id });
  adminA = await makeCommunityAdmin(a.id);
  official = await makeOfficial(election.id);
  wrong = [
    ["anonymous", null],
    ["the admin of another community", await makeCommunityAdmin(b.id)],
    ["an official of the community's election", official],
    ["an instance admin not named in the community", await makeAdmin()],
  ];
});

const as = (actor: Actor | null, run: () => Promise<ActionState>) => runAs(who, actor, run);

describe("community admin actions", () => {
  const ACTIONS: [string, () => Promise<ActionState>][] = [
    ["createElectionAction", () => createElectionAction(a.id, null, form({ title: uniq("Board"), seats: "1", method: "schulze", unranked: "exclude" }))],
    ["appointOfficialAction", async () => appointOfficialAction(null, form({ electionId: election.id, login: target.githubLogin! }))],
    ["removeOfficialAction", () => removeOfficialAction(null, form({ electionId: election.id, userId: official.id }))],
  ];
  let target: Actor;
  beforeAll(async () => {
    target = await makeUser();
  });

  it.each(ACTIONS)("%s: refused on the server to everyone but an admin of the community, changing nothing; done for the admin", async (_name, run) => {
    for (const [name, actor] of wrong) {
      const before = await dbDigest();
      const state = await as(actor, run);
      expect(state, name).toMatchObject({ ok: false, error: expect.stringMatching(/Sign in|admin of/) });
      expect(await dbDigest(), name).toEqual(before);
    }
    expect(await as(adminA, run)).toMatchObject({ ok: true });
  });

  it("the admin's actions landed where they were aimed, and nowhere else", async () => {
    expect(await prisma.official.findUnique({ where: { electionId_userId: { electionId: election.id, userId: target.id } } })).not.toBeNull();
    expect(await prisma.official.findUnique({ where: { electionId_userId: { electionId: election.id, userId: official.id } } })).toBeNull();
    expect(await prisma.election.count({ where: { communityId: a.id } })).toBe(2);
  });

  it("creates with the community's cap when the form keeps it, and without a cap when the admin empties the field", async () => {
    const capped = await makeCommunity({ defaultMaxPerAffiliation: 2 });
    const admin = await makeCommunityAdmin(capped.id);
    const fields = { seats: "3", method: "schulze", unranked: "exclude" };
    expect(await as(admin, () => createElectionAction(capped.id, null, form({ ...fields, title: "Kept cap", maxPerAffiliation: "2" })))).toMatchObject({ ok: true });
    expect(await as(admin, () => createElectionAction(capped.id, null, form({ ...fields, title: "No cap", maxPerAffiliation: "" })))).toMatchObject({ ok: true });
    const bySlug = async (slug: string) => (await prisma.election.findUniqueOrThrow({ where: { communityId_slug: { communityId: capped.id, slug } } })).maxPerAffiliation;
    expect(await bySlug("kept-cap")).toBe(2);
    expect(await bySlug("no-cap")).toBeNull();
  });
});
