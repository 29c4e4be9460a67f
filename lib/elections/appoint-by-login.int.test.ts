import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { appointCommunityAdmin } from "@/lib/communities/appoint-community-admin";
import { revokeSessions } from "@/lib/sessions/revoke-sessions";
import { appointOfficial } from "./appoint-official";
import { expectRefused, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeUser, makeVoter, uniq } from "@/test/helpers/factories";

// Issue 8 item 4: logins are shown as "@login" everywhere, so admins type them that way.
describe("appointing a person by what an admin types", () => {
  it("finds an official typed as @login, LOGIN, login with spaces around it, or their email in any case", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const e = await makeElection("draft", { communityId: community.id });
    const people = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const typed = [`@${people[0].githubLogin}`, `  @${people[1].githubLogin!.toUpperCase()}  `, ` ${people[2].githubLogin} `, people[3].email!.toUpperCase()];
    for (const [i, login] of typed.entries()) {
      const r = await appointOfficial(admin, { electionId: e.id, login });
      expect(r.userId).toBe(people[i].id);
      expect(r.election).toBe(e.title);
      expect(r.person).toContain(`@${people[i].githubLogin}`);
    }
    expect(await prisma.official.count({ where: { electionId: e.id } })).toBe(4);
  });

  it("says plainly that nobody called @x has signed in, only when there is nobody, and changes nothing", async () => {
    const community = await makeCommunity();
    const admin = await makeCommunityAdmin(community.id);
    const e = await makeElection("draft", { communityId: community.id });
    const ghost = uniq("ghost");
    await expectRefused(
      () => appointOfficial(admin, { electionId: e.id, login: `@${ghost}` }),
      NotFoundError,
      new RegExp(`^Nobody called @${ghost} has signed in to Hustings yet; they must sign in once before they can be appointed\\.$`),
    );
    await expectRefused(() => appointOfficial(admin, { electionId: e.id, login: "ghost@example.invalid" }), NotFoundError, /^Nobody with the email ghost@example\.invalid has signed in/);
  });

  it("refuses @login from a voter and from another community's admin (nothing changes)", async () => {
    const community = await makeCommunity();
    const e = await makeElection("draft", { communityId: community.id });
    const target = await makeUser();
    for (const who of [await makeVoter(e.id), await makeCommunityAdmin((await makeCommunity()).id), null]) {
      await expectRefused(() => appointOfficial(who, { electionId: e.id, login: `@${target.githubLogin}` }), ForbiddenError);
    }
  });

  it("finds a community admin typed as @LOGIN, and says nobody called @x only when there is nobody; only an instance admin may", async () => {
    const instanceAdmin = await makeAdmin();
    const community = await makeCommunity();
    const person = await makeUser();
    const r = await appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: ` @${person.githubLogin!.toUpperCase()} ` });
    expect(r).toEqual({ userId: person.id, person: `${person.name} (@${person.githubLogin})`, community: community.name });
    const ghost = uniq("ghost");
    await expectRefused(() => appointCommunityAdmin(instanceAdmin, { communityId: community.id, login: `@${ghost}` }), NotFoundError, new RegExp(`^Nobody called @${ghost} has signed in to Hustings yet`));
    const communityAdmin = await makeCommunityAdmin(community.id);
    const other = await makeUser();
    await expectRefused(() => appointCommunityAdmin(communityAdmin, { communityId: community.id, login: `@${other.githubLogin}` }), ForbiddenError);
  });

  it("ends the sessions of a person typed as @login (the instance admin's other login field)", async () => {
    const instanceAdmin = await makeAdmin();
    const person = await makeUser();
    expect(await revokeSessions(instanceAdmin, { login: `@${person.githubLogin}` })).toEqual({ userId: person.id });
    const ghost = uniq("ghost");
    await expectRefused(() => revokeSessions(instanceAdmin, { login: `@${ghost}` }), NotFoundError, new RegExp(`^Nobody called @${ghost} has signed in`));
  });
});
