// Who sees which of a community's elections on its page: the election pages'
// own rule, so a draft's title never reaches a visitor through the list.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, makeVoter } from "@/test/helpers/factories";
import { visibleCommunityElections } from "./community";

describe("visibleCommunityElections", () => {
  it("shows drafts (and drafts cancelled before opening) only to the community's admins and the draft's own officials", async () => {
    const c = await makeCommunity();
    const open = await makeElection("voting", { communityId: c.id, title: "Open" });
    const draft = await makeElection("draft", { communityId: c.id, title: "Secret draft" });
    const otherDraft = await makeElection("draft", { communityId: c.id, title: "Other draft" });
    const cancelledUnopened = await makeElection("cancelled", { communityId: c.id, title: "Cancelled before opening" });
    const cancelledLater = await makeElection("cancelled", { communityId: c.id, title: "Cancelled later" });
    await prisma.election.update({ where: { id: cancelledLater.id }, data: { openedAt: new Date() } });
    const slugs = async (actor: Awaited<ReturnType<typeof makeUser>> | null) => (await visibleCommunityElections(c.id, actor)).map((e) => e.slug).sort();
    const publicOnly = [open.slug, cancelledLater.slug].sort();

    expect(await slugs(null)).toEqual(publicOnly);
    expect(await slugs(await makeUser())).toEqual(publicOnly);
    expect(await slugs(await makeVoter(open.id))).toEqual(publicOnly);
    expect(await slugs(await makeAdmin())).toEqual(publicOnly); // the instance admin holds no power inside
    expect(await slugs(await makeCommunityAdmin((await makeCommunity()).id))).toEqual(publicOnly);
    expect(await slugs(await makeOfficial(draft.id))).toEqual([...publicOnly, draft.slug].sort());
    const admin = await makeCommunityAdmin(c.id);
    expect(await slugs(admin)).toEqual([open.slug, draft.slug, otherDraft.slug, cancelledUnopened.slug, cancelledLater.slug].sort());
  });
});
