// Links from before communities (/elections/<slug>/...) against the real
// database: who is sent where, who learns nothing, and that the Location is
// always a path on this site, built from the database's slugs.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Community, Election } from "@/lib/generated/prisma/client";
import { makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, makeVoter, uniq, type TestPhase } from "@/test/helpers/factories";

const who = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => who.actor }));

const { GET, HEAD } = await import("./route");

const ORIGIN = "http://hustings.test";

/** The route as Next.js calls it for `path` (after /elections/), as `actor`. */
async function follow(actor: Actor | null, slug: string, rest: string[] = [], search = "", method: typeof GET = GET): Promise<Response> {
  who.actor = actor;
  const path = ["/elections", slug, ...rest].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join("/");
  return method(new Request(`${ORIGIN}${path}${search}`), { params: Promise.resolve({ slug, rest: rest.length ? rest : undefined }) });
}

/** A 308 to a path on this site, and that path. */
function location(r: Response): string {
  expect(r.status).toBe(308);
  const to = r.headers.get("location") ?? "";
  expect(to.startsWith("/c/")).toBe(true);
  expect(new URL(to, ORIGIN).origin).toBe(ORIGIN);
  return to;
}

async function electionIn(community: Community, phase: TestPhase, slug: string, data: Partial<Pick<Election, "openedAt">> = {}): Promise<Election> {
  const e = await makeElection(phase, { communityId: community.id, title: `Old link ${slug}` });
  return prisma.election.update({ where: { id: e.id }, data: { slug, ...data } });
}

describe("old /elections/<slug> links", () => {
  let harbor: Community;
  let other: Community;
  beforeAll(async () => {
    harbor = await makeCommunity({ name: "Harbor old links" });
    other = await makeCommunity({ name: "Elsewhere old links" });
  });

  it("send a public election's visitors to its address in its community, sub-page and query kept", async () => {
    const slug = uniq("public");
    await electionIn(harbor, "nominations", slug);
    expect(location(await follow(null, slug))).toBe(`/c/${harbor.slug}/elections/${slug}`);
    expect(location(await follow(null, slug, ["export"], "?format=json&x=1"))).toBe(`/c/${harbor.slug}/elections/${slug}/export?format=json&x=1`);
    expect(location(await follow(null, slug, ["candidates", "abc123"]))).toBe(`/c/${harbor.slug}/elections/${slug}/candidates/abc123`);
    const head = await follow(null, slug, ["results"], "", HEAD);
    expect(location(head)).toBe(`/c/${harbor.slug}/elections/${slug}/results`);
  });

  it("answer 404 for a draft, and for a draft cancelled before it opened, to everyone but its officials and its community's admins", async () => {
    const draft = await electionIn(harbor, "draft", uniq("draft"));
    const cancelled = await electionIn(harbor, "cancelled", uniq("cancelled"));
    for (const e of [draft, cancelled]) {
      const strangers: [string, Actor | null][] = [
        ["anonymous", null],
        ["a voter on its roll", await makeVoter(e.id)],
        ["an official of another election", await makeOfficial((await electionIn(harbor, "nominations", uniq("next"))).id)],
        ["an admin of another community", await makeCommunityAdmin(other.id)],
        ["an instance admin not named in the community", await makeUser({ isAdmin: true })],
      ];
      for (const [name, actor] of strangers) {
        const r = await follow(actor, e.slug, ["manage"]);
        expect(r.status, `${e.state} ${name}`).toBe(404);
        expect(r.headers.get("location"), name).toBeNull();
        const text = await r.text();
        expect(text, name).not.toContain(harbor.slug);
        expect(text, name).not.toContain(e.title);
      }
      expect(location(await follow(await makeOfficial(e.id), e.slug, ["manage"]))).toBe(`/c/${harbor.slug}/elections/${e.slug}/manage`);
      expect(location(await follow(await makeCommunityAdmin(harbor.id), e.slug))).toBe(`/c/${harbor.slug}/elections/${e.slug}`);
    }
    // Cancelled once it had opened, an election stays public.
    const opened = await electionIn(harbor, "cancelled", uniq("was-open"), { openedAt: new Date(Date.now() - 86_400_000) });
    expect(location(await follow(null, opened.slug))).toBe(`/c/${harbor.slug}/elections/${opened.slug}`);
  });

  it("count only the elections the visitor may see when a slug is in two communities", async () => {
    const slug = uniq("shared");
    await electionIn(harbor, "voting", slug);
    const draft = await electionIn(other, "draft", slug);
    // A stranger is sent to the one public election; the draft beside it stays unknown.
    expect(location(await follow(null, slug))).toBe(`/c/${harbor.slug}/elections/${slug}`);
    // The draft's official sees both: the link is ambiguous, and says so without choosing.
    const r = await follow(await makeOfficial(draft.id), slug, ["vote"]);
    expect(r.status).toBe(300);
    expect(r.headers.get("location")).toBeNull();
    expect(await r.text()).toContain("Several communities hold an election at this address");

    const both = uniq("both-public");
    await electionIn(harbor, "published", both);
    await electionIn(other, "nominations", both);
    const ambiguous = await follow(null, both);
    expect(ambiguous.status).toBe(300);
    const text = await ambiguous.text();
    expect(text).not.toContain(harbor.slug);
    expect(text).not.toContain(other.slug);
  });

  it("never send a visitor off the site or up out of the election's address", async () => {
    const slug = uniq("target");
    await electionIn(harbor, "nominations", slug);
    for (const rest of [["//evil.example"], ["\\\\evil.example"], ["https:", "", "evil.example"], ["%2F%2Fevil.example"], ["x?next=//evil.example#y"]]) {
      const r = await follow(null, slug, rest.filter((s) => s !== ""));
      const to = location(r);
      expect(to.startsWith(`/c/${harbor.slug}/elections/${slug}/`), to).toBe(true);
      expect(new URL(to, ORIGIN).pathname.startsWith(`/c/${harbor.slug}/elections/${slug}/`), to).toBe(true);
    }
    // Dot segments would climb out of the election once a browser resolves them.
    for (const rest of [[".."], ["..", ".."], ["."], ["results", "..", "..", "..", "admin"]]) {
      expect((await follow(null, slug, rest)).status, rest.join("/")).toBe(404);
    }
    // A slug that is no election's, however it is spelled, leads nowhere.
    for (const s of ["//evil.example", "https://evil.example", "..", slug.toUpperCase()]) {
      const r = await follow(null, s);
      expect(r.status, s).toBe(404);
      expect(r.headers.get("location"), s).toBeNull();
    }
  });
});
