import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { removeElectorateEntry } from "./remove-electorate-entry";
import { expectRefused, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, makeVoter } from "@/test/helpers/factories";

const entryOf = (electionId: string, login: string | null) => prisma.electorateEntry.findFirstOrThrow({ where: { electionId, githubLogin: login } });

describe("removing one person from the roll (issue 8)", () => {
  it("lets an official of the election take one entry off before voting opens, audited by name", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const voter = await makeVoter(e.id);
    const stays = await makeVoter(e.id);
    const entry = await entryOf(e.id, voter.githubLogin);
    expect(await removeElectorateEntry(official, { electionId: e.id, entryId: entry.id })).toEqual({ removed: `@${voter.githubLogin} <${voter.email}>`, total: 1 });
    expect(await prisma.electorateEntry.findUnique({ where: { id: entry.id } })).toBeNull();
    expect(await entryOf(e.id, stays.githubLogin)).toBeTruthy();
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { electionId: e.id }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ action: "electorate.entry-removed", actorId: official.id, details: { removed: `@${voter.githubLogin} <${voter.email}>`, total: 1 } });
  });

  it("refuses another election's official, the community admin who is not an official, a voter and anonymous, changing nothing", async () => {
    const community = await makeCommunity();
    const e = await makeElection("nominations", { communityId: community.id });
    await makeOfficial(e.id);
    const voter = await makeVoter(e.id);
    const entry = await entryOf(e.id, voter.githubLogin);
    const callers = [
      await makeOfficial((await makeElection("nominations", { communityId: community.id })).id),
      await makeCommunityAdmin(community.id),
      voter,
      await makeUser(),
      null,
    ];
    for (const who of callers) await expectRefused(() => removeElectorateEntry(who, { electionId: e.id, entryId: entry.id }), ForbiddenError);
  });

  it("refuses once voting has opened (the roll is frozen), and never removes an entry someone voted through", async () => {
    const voting = await makeElection("voting");
    const official = await makeOfficial(voting.id);
    const voter = await makeVoter(voting.id);
    const entry = await entryOf(voting.id, voter.githubLogin);
    await expectRefused(() => removeElectorateEntry(official, { electionId: voting.id, entryId: entry.id }), ConflictError, /Voting has opened: the electorate is frozen/);

    // A participation before voting opens cannot happen through the app; made by hand, it still protects the entry.
    const e = await makeElection("nominations");
    const o = await makeOfficial(e.id);
    const v = await makeVoter(e.id);
    const voted = await entryOf(e.id, v.githubLogin);
    await prisma.participation.create({ data: { electionId: e.id, entryId: voted.id, userId: v.id } });
    await expectRefused(() => removeElectorateEntry(o, { electionId: e.id, entryId: voted.id }), ConflictError, /has voted/);
    // And the foreign key refuses a delete that skipped the check.
    await expect(prisma.electorateEntry.delete({ where: { id: voted.id } })).rejects.toThrow();
    await prisma.participation.delete({ where: { electionId_entryId: { electionId: e.id, entryId: voted.id } } });
  });

  it("refuses an entry of another election, an unknown entry and bad input, changing nothing", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const elsewhere = await makeElection("nominations");
    const other = await makeVoter(elsewhere.id);
    const otherEntry = await entryOf(elsewhere.id, other.githubLogin);
    await expectRefused(() => removeElectorateEntry(official, { electionId: e.id, entryId: otherEntry.id }), NotFoundError, /not on the electorate of this election/);
    await expectRefused(() => removeElectorateEntry(official, { electionId: e.id, entryId: "nope" }), NotFoundError);
    await expectRefused(() => removeElectorateEntry(official, { electionId: e.id, entryId: "" }), InvalidInputError);
    await expectRefused(() => removeElectorateEntry(official, { electionId: e.id, entryId: "x".repeat(100) }), InvalidInputError);
  });
});
