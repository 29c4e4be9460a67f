// The ballot export route: a private election (a draft) must look exactly like
// a missing one to everyone who may not see it, so nobody outside learns that
// a community is preparing an election under that address.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Community, Election } from "@/lib/generated/prisma/client";
import { makeAdmin, makeCandidate, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeVoter } from "@/test/helpers/factories";

const who = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => who.actor }));

const { GET } = await import("./route");

async function fetchAs(actor: Actor | null, community: string, slug: string): Promise<Response> {
  who.actor = actor;
  try {
    return await GET(new Request(`http://localhost:3000/c/${community}/elections/${slug}/export?format=csv`), { params: Promise.resolve({ community, slug }) });
  } finally {
    who.actor = null;
  }
}

let a: Community;
let draft: Election;
let closed: Election;

beforeAll(async () => {
  a = await makeCommunity();
  draft = await makeElection("draft", { communityId: a.id });
  closed = await makeElection("closed", { communityId: a.id });
  await makeCandidate(closed.id);
});

describe("GET /c/<community>/elections/<slug>/export", () => {
  it("answers 404 for a draft, as for an address that holds nothing, to everyone who may not see it", async () => {
    const b = await makeCommunity();
    const outsiders: [string, Actor | null][] = [
      ["anonymous", null],
      ["the admin of another community", await makeCommunityAdmin(b.id)],
      ["an official of another community's election", await makeOfficial((await makeElection("draft", { communityId: b.id })).id)],
      ["an instance admin not named in the community", await makeAdmin()],
      ["a voter of the draft", await makeVoter(draft.id)],
    ];
    for (const [name, actor] of outsiders) {
      const missing = await fetchAs(actor, a.slug, "no-such-election");
      const hidden = await fetchAs(actor, a.slug, draft.slug);
      expect(missing.status, name).toBe(404);
      expect([hidden.status, await hidden.text()], name).toEqual([404, await missing.text()]);
    }
  });

  it("still answers the draft's own official and community admin with the real reason, and exports a closed election to its official", async () => {
    const official = await makeOfficial(draft.id);
    const res = await fetchAs(official, a.slug, draft.slug);
    expect(res.status).toBe(409);
    expect(await res.text()).toMatch(/once voting is closed/);
    // The community's admin sees the draft but is not an official: ballots stay with officials.
    expect((await fetchAs(await makeCommunityAdmin(a.id), a.slug, draft.slug)).status).toBe(403);
    const ok = await fetchAs(await makeOfficial(closed.id), a.slug, closed.slug);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toContain(`${closed.slug}-ballots.csv`);
    // A closed, unpublished election is public but its ballots are not: 403, as before.
    expect((await fetchAs(null, a.slug, closed.slug)).status).toBe(403);
  });
});
