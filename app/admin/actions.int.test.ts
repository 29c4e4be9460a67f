// The instance admin page's server actions against the real database: each one
// is refused on the server to everyone but an instance admin (community admins
// included), whatever the page showed them, and changes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ActionState } from "@/app/_lib/action-state";
import { prisma } from "@/lib/db/client";
import type { Community } from "@/lib/generated/prisma/client";
import { dbDigest, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, uniq } from "@/test/helpers/factories";
import { formData, runAs } from "@/test/helpers/server-action-calls";

const who = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => who.actor }));
// No Next.js request here to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createCommunityAction, appointCommunityAdminAction, removeCommunityAdminAction, revokeSessionsAction } = await import("./actions");

const form = formData;

let community: Community;
let sitting: Actor;
let newcomer: Actor;
let instanceAdmin: Actor;
let wrong: [string, Actor | null][];
const slug = uniq("action-community");

beforeAll(async () => {
  community = await makeCommunity();
  sitting = await makeCommunityAdmin(community.id);
  newcomer = await makeUser();
  instanceAdmin = await makeAdmin();
  wrong = [
    ["anonymous", null],
    ["a member", await makeUser()],
    ["an admin of the community", await makeCommunityAdmin(community.id)],
    ["an official", await makeOfficial((await makeElection("draft", { communityId: community.id })).id)],
  ];
});

const as = (actor: Actor | null, run: () => Promise<ActionState>) => runAs(who, actor, run);

describe("instance admin actions", () => {
  const ACTIONS: [string, () => Promise<ActionState>][] = [
    ["createCommunityAction", () => createCommunityAction(null, form({ name: "From the form", slug }))],
    ["appointCommunityAdminAction", () => appointCommunityAdminAction(null, form({ communityId: community.id, login: newcomer.githubLogin! }))],
    ["removeCommunityAdminAction", () => removeCommunityAdminAction(null, form({ communityId: community.id, userId: sitting.id }))],
    ["revokeSessionsAction", () => revokeSessionsAction(null, form({ login: sitting.githubLogin! }))],
  ];

  it.each(ACTIONS)("%s: refused on the server to everyone but an instance admin, changing nothing; done for the instance admin", async (_name, run) => {
    for (const [name, actor] of wrong) {
      const before = await dbDigest();
      const state = await as(actor, run);
      expect(state, name).toMatchObject({ ok: false, error: expect.stringMatching(/Sign in|administrator of this instance/) });
      expect(await dbDigest(), name).toEqual(before);
    }
    expect(await as(instanceAdmin, run)).toMatchObject({ ok: true });
  });

  it("the instance admin's actions landed", async () => {
    expect(await prisma.community.findUnique({ where: { slug } })).toMatchObject({ name: "From the form" });
    expect(await prisma.communityAdmin.findUnique({ where: { communityId_userId: { communityId: community.id, userId: newcomer.id } } })).not.toBeNull();
    expect(await prisma.communityAdmin.findUnique({ where: { communityId_userId: { communityId: community.id, userId: sitting.id } } })).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: sitting.id } })).sessionVersion).toBe(1);
  });
});
