import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { createElection } from "./create-election";
import { appointOfficial } from "./appoint-official";
import { updateElectionSettings } from "./update-election-settings";
import { updateElectionSchedule } from "./update-election-schedule";
import { openElection } from "./open-election";
import { cancelElection } from "./cancel-election";
import { expectRefused, makeAdmin, makeCandidate, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, outsiders, sharedCommunity, uniq } from "@/test/helpers/factories";

const lastAudit = (electionId: string) => prisma.auditEntry.findFirst({ where: { electionId }, orderBy: { seq: "desc" } });

describe("createElection", () => {
  it("lets an admin of the community create a draft election there, audited", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const title = uniq("Architecture Committee 2025");
    const { id, slug, communitySlug } = await createElection(admin, { communityId: community.id, title, seats: 3, maxPerAffiliation: 2 });
    expect(slug).toBe(title.toLowerCase().replace(/ /g, "-"));
    expect(communitySlug).toBe(community.slug);
    const e = await prisma.election.findUniqueOrThrow({ where: { id } });
    expect(e).toMatchObject({ communityId: community.id, state: "DRAFT", seats: 3, maxPerAffiliation: 2, method: "schulze", unranked: "exclude" });
    expect(await lastAudit(id)).toMatchObject({ action: "election.created", actorId: admin.id });
  });

  it("refuses everyone but an admin of the community (the instance admin and other communities' admins included), changing nothing", async () => {
    const community = await makeCommunity();
    const e = await makeElection("draft", { communityId: community.id });
    const callers: [string, Parameters<typeof createElection>[0]][] = [
      ...(await outsiders(e.id, false)),
      ["official of an election of the community", await makeOfficial(e.id)],
      ["instance admin not named in the community", await makeAdmin()],
      ["admin of another community", await makeCommunityAdmin((await makeCommunity()).id)],
    ];
    for (const [, who] of callers) {
      await expectRefused(() => createElection(who, { communityId: community.id, title: uniq("T"), seats: 1 }), ForbiddenError);
    }
  });

  it("refuses bad input and duplicate slugs within the community, not across communities", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const communityId = community.id;
    await expectRefused(() => createElection(admin, { communityId, title: "", seats: 1 }), InvalidInputError, /title/);
    await expectRefused(() => createElection(admin, { communityId, title: "T", seats: 0 }), InvalidInputError, /seats/);
    await expectRefused(() => createElection(admin, { communityId, title: "T", seats: 1, method: "borda" as never }), InvalidInputError, /method/);
    await expectRefused(() => createElection(admin, { communityId, title: "T", seats: 1, slug: "Bad Slug!" }), InvalidInputError, /slug/);
    await expectRefused(() => createElection(admin, { communityId: "", title: "T", seats: 1 }), InvalidInputError);
    const slug = uniq("dup");
    await createElection(admin, { communityId, title: "T", slug, seats: 1 });
    await expectRefused(() => createElection(admin, { communityId, title: "T", slug, seats: 1 }), ConflictError, /already has an election/);
    // Slugs are unique per community: another community may use the same one.
    const other = await makeCommunity();
    const otherAdmin = await makeCommunityAdmin(other.id);
    expect(await createElection(otherAdmin, { communityId: other.id, title: "T", slug, seats: 1 })).toMatchObject({ slug, communitySlug: other.slug });
  });
});

describe("appointOfficial", () => {
  it("lets an admin of the election's community appoint an existing user by login or email, audited", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const e = await makeElection("draft", { communityId: community.id });
    const a = await makeUser();
    const b = await makeUser();
    await appointOfficial(admin, { electionId: e.id, login: a.githubLogin!.toUpperCase() });
    await appointOfficial(admin, { electionId: e.id, login: b.email! });
    expect(await prisma.official.count({ where: { electionId: e.id } })).toBe(2);
    expect(await lastAudit(e.id)).toMatchObject({ action: "official.appointed", actorId: admin.id });
  });

  it("refuses everyone else — officials, the instance admin and other communities' admins included", async () => {
    const community = await makeCommunity();
    const e = await makeElection("draft", { communityId: community.id });
    const target = await makeUser();
    const callers: [string, Parameters<typeof appointOfficial>[0]][] = [
      ...(await outsiders(e.id, false)),
      ["official of the election", await makeOfficial(e.id)],
      ["instance admin not named in the community", await makeAdmin()],
      ["admin of another community", await makeCommunityAdmin((await makeCommunity()).id)],
    ];
    for (const [, who] of callers) {
      await expectRefused(() => appointOfficial(who, { electionId: e.id, login: target.githubLogin! }), ForbiddenError);
    }
  });

  it("never makes a candidate an official of the same election (imported declarations included)", async () => {
    const admin = await makeCommunityAdmin((await sharedCommunity()).id);
    const e = await makeElection("nominations");
    const cand = await makeUser();
    await makeCandidate(e.id, { user: cand, status: "SUBMITTED" });
    await expectRefused(() => appointOfficial(admin, { electionId: e.id, login: cand.githubLogin! }), ConflictError, /candidate/);
    const imported = await makeUser();
    await prisma.candidacy.create({ data: { electionId: e.id, displayName: "Imp", email: imported.email!, statement: "s" } });
    await expectRefused(() => appointOfficial(admin, { electionId: e.id, login: imported.githubLogin! }), ConflictError, /candidate/);
  });

  it("refuses unknown people, unknown elections and repeats", async () => {
    const admin = await makeCommunityAdmin((await sharedCommunity()).id);
    const e = await makeElection("draft");
    await expectRefused(() => appointOfficial(admin, { electionId: e.id, login: uniq("nobody") }), NotFoundError, /sign in/);
    // An unknown election has no community that names the caller.
    await expectRefused(() => appointOfficial(admin, { electionId: "nope", login: admin.githubLogin! }), ForbiddenError);
    await expectRefused(() => appointOfficial(admin, { electionId: e.id, login: "" }), InvalidInputError, /login/);
    const official = await makeOfficial(e.id);
    await expectRefused(() => appointOfficial(admin, { electionId: e.id, login: official.githubLogin! }), ConflictError);
  });
});

describe("updateElectionSettings", () => {
  it("lets an official change settings before voting, audited", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    await updateElectionSettings(official, {
      electionId: e.id,
      seats: 4,
      method: "ranked-pairs",
      unranked: "last",
      maxPerAffiliation: 2,
      continuingMembers: [{ name: "Ann", affiliation: "Acme" }],
      publishBallots: false,
    });
    expect(await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({
      seats: 4,
      method: "ranked-pairs",
      unranked: "last",
      maxPerAffiliation: 2,
      continuingMembers: [{ name: "Ann", affiliation: "Acme" }],
      publishBallots: false,
      title: e.title,
    });
    expect(await lastAudit(e.id)).toMatchObject({ action: "election.settings-updated", actorId: official.id });
  });

  it("refuses non-officials, the admin included", async () => {
    const e = await makeElection("nominations");
    for (const [, who] of await outsiders(e.id, true)) {
      await expectRefused(() => updateElectionSettings(who, { electionId: e.id, seats: 5 }), ForbiddenError);
    }
  });

  it("locks settings once voting has opened, and refuses bad values", async () => {
    for (const phase of ["voting", "ended", "closed", "published"] as const) {
      const e = await makeElection(phase);
      const official = await makeOfficial(e.id);
      await expectRefused(() => updateElectionSettings(official, { electionId: e.id, seats: 5 }), ConflictError, /voting has opened/);
    }
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    await expectRefused(() => updateElectionSettings(official, { electionId: e.id, seats: -1 }), InvalidInputError, /seats/);
    await expectRefused(() => updateElectionSettings(official, { electionId: e.id, unranked: "first" as never }), InvalidInputError, /unranked/);
  });
});

describe("updateElectionSchedule", () => {
  const D = 24 * 3600_000;
  const at = (days: number) => new Date(Date.now() + days * D);

  it("lets an official set an ordered schedule (ISO strings accepted), audited", async () => {
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    await updateElectionSchedule(official, {
      electionId: e.id,
      nominationsOpenAt: at(1).toISOString(),
      nominationsCloseAt: at(2),
      votingOpenAt: at(2),
      votingCloseAt: at(3),
    });
    const after = await prisma.election.findUniqueOrThrow({ where: { id: e.id } });
    expect(after.votingOpenAt?.getTime()).toBe(after.nominationsCloseAt?.getTime());
    expect(await lastAudit(e.id)).toMatchObject({ action: "election.schedule-updated" });
  });

  it("refuses disordered instants with a clear message", async () => {
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    const call = (s: number[]) => () =>
      updateElectionSchedule(official, { electionId: e.id, nominationsOpenAt: at(s[0]), nominationsCloseAt: at(s[1]), votingOpenAt: at(s[2]), votingCloseAt: at(s[3]) });
    await expectRefused(call([2, 1, 3, 4]), InvalidInputError, /nominations must open before they close/);
    await expectRefused(call([1, 3, 2, 4]), InvalidInputError, /voting cannot open before nominations close/);
    await expectRefused(call([1, 2, 4, 3]), InvalidInputError, /voting must open before it closes/);
    await expectRefused(() => updateElectionSchedule(official, { electionId: e.id, nominationsOpenAt: "soon", nominationsCloseAt: at(2), votingOpenAt: at(3), votingCloseAt: at(4) }), InvalidInputError, /date/);
  });

  it("while voting is open allows only extending the close", async () => {
    const e = await makeElection("voting");
    const official = await makeOfficial(e.id);
    const base = { electionId: e.id, nominationsOpenAt: e.nominationsOpenAt!, nominationsCloseAt: e.nominationsCloseAt!, votingOpenAt: e.votingOpenAt! };
    await expectRefused(() => updateElectionSchedule(official, { ...base, votingCloseAt: new Date(e.votingCloseAt!.getTime() - 3600_000) }), ConflictError, /extended/);
    await expectRefused(() => updateElectionSchedule(official, { ...base, votingOpenAt: new Date(e.votingOpenAt!.getTime() - 60_000), votingCloseAt: at(5) }), ConflictError, /only the closing time/);
    await updateElectionSchedule(official, { ...base, votingCloseAt: at(5) });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).votingCloseAt!.getTime()).toBeGreaterThan(e.votingCloseAt!.getTime());
    const closed = await makeElection("closed");
    const o2 = await makeOfficial(closed.id);
    await expectRefused(() => updateElectionSchedule(o2, { electionId: closed.id, nominationsOpenAt: at(1), nominationsCloseAt: at(2), votingOpenAt: at(3), votingCloseAt: at(4) }), ConflictError);
  });

  it("refuses non-officials", async () => {
    const e = await makeElection("draft");
    for (const [, who] of await outsiders(e.id, true)) {
      await expectRefused(() => updateElectionSchedule(who, { electionId: e.id, nominationsOpenAt: at(1), nominationsCloseAt: at(2), votingOpenAt: at(3), votingCloseAt: at(4) }), ForbiddenError);
    }
  });
});

describe("openElection", () => {
  it("moves a scheduled draft to SCHEDULED, audited; refuses without a schedule or twice", async () => {
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    await openElection(official, { electionId: e.id });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).state).toBe("SCHEDULED");
    expect(await lastAudit(e.id)).toMatchObject({ action: "election.opened" });
    await expectRefused(() => openElection(official, { electionId: e.id }), ConflictError, /draft/);
    const bare = await prisma.election.create({ data: { communityId: (await sharedCommunity()).id, slug: uniq("bare"), title: "Bare", seats: 1 } });
    const o2 = await makeOfficial(bare.id);
    await expectRefused(() => openElection(o2, { electionId: bare.id }), ConflictError, /schedule/);
  });

  it("refuses non-officials", async () => {
    const e = await makeElection("draft");
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => openElection(who, { electionId: e.id }), ForbiddenError);
  });
});

describe("cancelElection", () => {
  it("lets an official or an admin of the community cancel with a reason, audited", async () => {
    const e = await makeElection("voting");
    const official = await makeOfficial(e.id);
    await cancelElection(official, { electionId: e.id, reason: "Roll was wrong" });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).state).toBe("CANCELLED");
    expect(await lastAudit(e.id)).toMatchObject({ action: "election.cancelled", details: { reason: "Roll was wrong" } });
    const community = await makeCommunity();
    const e2 = await makeElection("draft", { communityId: community.id });
    const admin = await makeCommunityAdmin(community.id);
    await cancelElection(admin, { electionId: e2.id, reason: "Duplicate" });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e2.id } })).state).toBe("CANCELLED");
    expect(await lastAudit(e2.id)).toMatchObject({ action: "election.cancelled", actorId: admin.id });
  });

  it("refuses others (the instance admin and other communities' admins included), a missing reason, and published or cancelled elections", async () => {
    const e = await makeElection("voting");
    const callers: [string, Parameters<typeof cancelElection>[0]][] = [
      ...(await outsiders(e.id, true)),
      ["admin of another community", await makeCommunityAdmin((await makeCommunity()).id)],
    ];
    for (const [, who] of callers) await expectRefused(() => cancelElection(who, { electionId: e.id, reason: "x" }), ForbiddenError);
    const official = await makeOfficial(e.id);
    await expectRefused(() => cancelElection(official, { electionId: e.id, reason: " " }), InvalidInputError, /reason|why/);
    for (const phase of ["published", "cancelled"] as const) {
      const done = await makeElection(phase);
      const o = await makeOfficial(done.id);
      await expectRefused(() => cancelElection(o, { electionId: done.id, reason: "x" }), ConflictError);
    }
  });
});
