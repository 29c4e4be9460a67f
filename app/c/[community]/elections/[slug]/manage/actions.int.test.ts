// The official's dashboard actions against the real database (issue 8): what
// the form gets back in words, and that the wrong person is refused on the
// server and changes nothing, whatever the page showed them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ActionState } from "@/app/_lib/action-state";
import { prisma } from "@/lib/db/client";
import type { Community, Election } from "@/lib/generated/prisma/client";
import { dbDigest, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, makeVoter, uniq } from "@/test/helpers/factories";
import { formData, runAs } from "@/test/helpers/server-action-calls";

const who = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => who.actor }));
// No Next.js request here to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveSchedule, appointOfficialHereAction, removeOfficialHereAction } = await import("./actions");

const as = (actor: Actor | null, run: () => Promise<ActionState>) => runAs(who, actor, run);
const BASE = "/c/x/elections/y";

let community: Community;
let election: Election;
let official: Actor;
let admin: Actor;

beforeAll(async () => {
  community = await makeCommunity();
  election = await makeElection("draft", { communityId: community.id });
  official = await makeOfficial(election.id);
  admin = await makeCommunityAdmin(community.id);
});

const year = new Date().getUTCFullYear() + 1;
const good = { nominationsOpenAt: `${year}-03-01 09:00`, nominationsCloseAt: `${year}-03-10 17:00`, votingOpenAt: `${year}-03-11 09:00`, votingCloseAt: `${year}-03-20 17:00` };

describe("saving the schedule", () => {
  it("reads 24-hour UTC in ISO style exactly as typed", async () => {
    const r = await as(official, () => saveSchedule(election.id, BASE, null, formData(good)));
    expect(r).toEqual({ ok: true, message: "Schedule saved." });
    const e = await prisma.election.findUniqueOrThrow({ where: { id: election.id } });
    expect(e.votingCloseAt?.toISOString()).toBe(`${year}-03-20T17:00:00.000Z`);
    expect(e.nominationsOpenAt?.toISOString()).toBe(`${year}-03-01T09:00:00.000Z`);
  });

  it("names each bad field in words beside it, never a field's code name, and saves nothing", async () => {
    const before = await dbDigest();
    const r = await as(official, () => saveSchedule(election.id, BASE, null, formData({ ...good, votingCloseAt: `${year}-03-05 17:00` })));
    expect(r).toMatchObject({ ok: false, fieldErrors: { votingCloseAt: "Voting closes must be after voting opens." } });
    expect(r && !r.ok && r.error).not.toMatch(/votingCloseAt|nominationsCloseAt/);
    const twelveHour = await as(official, () => saveSchedule(election.id, BASE, null, formData({ ...good, nominationsOpenAt: "03/01/2027 5:00 PM" })));
    expect(twelveHour).toMatchObject({ ok: false, fieldErrors: { nominationsOpenAt: expect.stringMatching(/^Nominations open: write the date and time as YYYY-MM-DD HH:MM/) } });
    const past = await as(official, () =>
      saveSchedule(election.id, BASE, null, formData({ nominationsOpenAt: "2001-01-01 09:00", nominationsCloseAt: "2001-01-02 09:00", votingOpenAt: "2001-01-03 09:00", votingCloseAt: "2001-01-04 09:00" })),
    );
    expect(past).toMatchObject({ ok: false, fieldErrors: { votingCloseAt: "Voting closes must be in the future." } });
    expect(await dbDigest()).toEqual(before);
  });

  it("refuses the community admin who is not an official, another election's official and a voter, changing nothing", async () => {
    const other = await makeOfficial((await makeElection("draft", { communityId: community.id })).id);
    for (const actor of [admin, other, await makeVoter(election.id), null]) {
      const before = await dbDigest();
      const r = await as(actor, () => saveSchedule(election.id, BASE, null, formData({ ...good, votingCloseAt: `${year}-04-20 17:00` })));
      expect(r).toMatchObject({ ok: false });
      expect(await dbDigest()).toEqual(before);
    }
  });
});

describe("the officials page", () => {
  it("appoints @login and says who was appointed to which election", async () => {
    const person = await makeUser({ name: "Olu Official", login: uniq("olu") });
    const r = await as(admin, () => appointOfficialHereAction(election.id, BASE, null, formData({ electionId: election.id, login: ` @${person.githubLogin!.toUpperCase()} ` })));
    expect(r).toEqual({ ok: true, message: `Olu Official (@${person.githubLogin}) is now an official of ${election.title}.` });
    const removed = await as(admin, () => removeOfficialHereAction(election.id, BASE, null, formData({ electionId: election.id, userId: person.id, name: "Olu Official" })));
    expect(removed).toEqual({ ok: true, message: "Olu Official is no longer an official of this election." });
  });

  it("refuses appointing and removing to an official, another community's admin and a voter, changing nothing", async () => {
    const person = await makeUser();
    const attackers = [official, await makeCommunityAdmin((await makeCommunity()).id), await makeVoter(election.id), null];
    for (const actor of attackers) {
      const before = await dbDigest();
      expect(await as(actor, () => appointOfficialHereAction(election.id, BASE, null, formData({ electionId: election.id, login: `@${person.githubLogin}` })))).toMatchObject({ ok: false });
      expect(await as(actor, () => removeOfficialHereAction(election.id, BASE, null, formData({ electionId: election.id, userId: official.id })))).toMatchObject({ ok: false });
      expect(await dbDigest()).toEqual(before);
    }
  });

  it("refuses a removal form that names another election than the page's", async () => {
    const before = await dbDigest();
    const r = await as(admin, () => removeOfficialHereAction(election.id, BASE, null, formData({ electionId: "another", userId: official.id })));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/another election/) });
    expect(await dbDigest()).toEqual(before);
  });
});
