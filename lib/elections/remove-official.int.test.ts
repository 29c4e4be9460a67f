import { describe, expect, it } from "vitest";
import { isOfficialOf } from "@/app/_lib/election";
import { prisma } from "@/lib/db/client";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { expectRefused, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, outsiders } from "@/test/helpers/factories";
import { resolveCookie, signedInCookie } from "@/test/helpers/session-cookie";
import { closeVoting } from "./close-voting";
import { openElection } from "./open-election";
import { removeOfficial } from "./remove-official";
import { updateElectionSettings } from "./update-election-settings";

describe("removing an official", () => {
  it("takes the election away from them at once, even in a session that was valid before", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const election = await makeElection("draft", { communityId: community.id });
    const official = await makeOfficial(election.id);
    const colleague = await makeOfficial(election.id);
    const cookie = await signedInCookie(official.id);
    const before = (await resolveCookie(cookie)).actor;
    expect(before?.id).toBe(official.id);
    expect(await isOfficialOf(official.id, election.id)).toBe(true);

    expect(await removeOfficial(admin, { electionId: election.id, userId: official.id })).toEqual({ userId: official.id });

    // Still signed in (removal is not a sign-out), but no longer an official of it: the manage page and every official action refuse.
    const after = (await resolveCookie(cookie)).actor;
    expect(after?.id).toBe(official.id);
    expect(await isOfficialOf(after!.id, election.id)).toBe(false);
    await expectRefused(() => openElection(after, { electionId: election.id }), ForbiddenError);
    await expectRefused(() => updateElectionSettings(after, { electionId: election.id, title: "Taken over" }), ForbiddenError);
    // The actor object held from before the removal is no better.
    await expectRefused(() => openElection(before, { electionId: election.id }), ForbiddenError);
    // The other official is untouched.
    expect(await isOfficialOf(colleague.id, election.id)).toBe(true);

    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { electionId: election.id }, orderBy: { seq: "desc" } });
    expect(entry).toMatchObject({ action: "official.removed", actorId: admin.id, details: { userId: official.id, login: official.githubLogin } });
  });

  it("works in any state of the election, also while voting is open", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const election = await makeElection("ended", { communityId: community.id });
    const official = await makeOfficial(election.id);
    await removeOfficial(admin, { electionId: election.id, userId: official.id });
    await expectRefused(() => closeVoting(official, { electionId: election.id }), ForbiddenError);
  });

  it("refuses everyone but an admin of the community (officials of the election, the instance admin and other communities' admins included), and changes nothing", async () => {
    const election = await makeElection("draft", { communityId: (await makeCommunity()).id });
    const official = await makeOfficial(election.id);
    const colleague = await makeOfficial(election.id);
    const callers = [
      ...(await outsiders(election.id, false)),
      ["the official themselves", official] as const,
      ["another official of the election", colleague] as const,
      ["instance admin not named in the community", await makeAdmin()] as const,
      ["admin of another community", await makeCommunityAdmin((await makeCommunity()).id)] as const,
    ];
    for (const [, caller] of callers) {
      await expectRefused(() => removeOfficial(caller, { electionId: election.id, userId: official.id }), ForbiddenError);
    }
    expect(await isOfficialOf(official.id, election.id)).toBe(true);
  });

  it("refuses bad input, unknown elections and people who are not officials, and changes nothing", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const election = await makeElection("draft", { communityId: community.id });
    const official = await makeOfficial(election.id);
    const elsewhere = await makeOfficial((await makeElection("draft")).id);
    await expectRefused(() => removeOfficial(admin, { electionId: election.id, userId: "" }), InvalidInputError);
    await expectRefused(() => removeOfficial(admin, { electionId: election.id } as never), InvalidInputError);
    await expectRefused(() => removeOfficial(admin, { electionId: "x".repeat(100), userId: official.id }), InvalidInputError);
    // An unknown election has no community that names the caller.
    await expectRefused(() => removeOfficial(admin, { electionId: "no-such-election", userId: official.id }), ForbiddenError);
    await expectRefused(() => removeOfficial(admin, { electionId: election.id, userId: elsewhere.id }), NotFoundError, /not an official of this election/);
    await removeOfficial(admin, { electionId: election.id, userId: official.id });
    // Twice: the second finds nobody to remove.
    await expectRefused(() => removeOfficial(admin, { electionId: election.id, userId: official.id }), NotFoundError);
  });
});
