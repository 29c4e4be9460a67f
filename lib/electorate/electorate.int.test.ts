import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { importElectorate } from "./import-electorate";
import { isEligibleVoter } from "./check-eligibility";
import { requestException } from "./request-exception";
import { decideException } from "./decide-exception";
import { expectRefused, makeElection, makeOfficial, makeUser, makeVoter, outsiders } from "@/test/helpers/factories";

const CSV = "login,email,name\nAlice-Dev,Alice@Example.org,Alice\nbob,,Bob\n,carol@example.org,Carol\nalice-dev,,Alice again\n";

describe("importElectorate", () => {
  it("adds entries from CSV with lower-cased logins and emails, audited", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    expect(await importElectorate(official, { electionId: e.id, text: CSV, mode: "add" })).toEqual({ added: 3, removed: 0, total: 3 });
    const rows = await prisma.electorateEntry.findMany({ where: { electionId: e.id }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.githubLogin, r.email])).toEqual([
      ["alice-dev", "alice@example.org"],
      ["bob", null],
      [null, "carol@example.org"],
    ]);
    // Adding the same file again adds nobody.
    expect(await importElectorate(official, { electionId: e.id, text: CSV, mode: "add" })).toEqual({ added: 0, removed: 0, total: 3 });
    const [second, first] = await prisma.auditEntry.findMany({ where: { electionId: e.id }, orderBy: { seq: "desc" }, take: 2 });
    // The log names exactly who was added, not only how many.
    expect(first).toMatchObject({ action: "electorate.imported", details: { mode: "add", total: 3, added: ["alice-dev <alice@example.org>", "bob", "carol@example.org"], removed: [] } });
    expect(second).toMatchObject({ action: "electorate.imported", details: { mode: "add", added: [], removed: [], total: 3 } });
  });

  it("reads Kata YAML and Elekto voters.yaml; replace keeps granted exceptions", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const kata = "- github_id: Zed\n  name: Zed\n  email: zed@example.org\n  emails: [zed@example.org]\n  commit_count: 3\n";
    expect(await importElectorate(official, { electionId: e.id, text: kata, mode: "add" })).toEqual({ added: 1, removed: 0, total: 1 });
    const granted = await makeVoter(e.id, { source: "exception" });
    expect(await importElectorate(official, { electionId: e.id, text: "eligible_voters:\n  - Ann\n  - ben\n", mode: "replace" })).toEqual({ added: 2, removed: 1, total: 3 });
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id }, orderBy: { seq: "desc" } })).toMatchObject({
      details: { mode: "replace", added: ["ann", "ben"], removed: ["zed <zed@example.org>"] },
    });
    const logins = (await prisma.electorateEntry.findMany({ where: { electionId: e.id } })).map((r) => r.githubLogin).sort();
    expect(logins).toEqual(["ann", "ben", granted.githubLogin].sort());
  });

  it("refuses non-officials (admin included), unreadable files, and any import once voting opened or closed", async () => {
    const e = await makeElection("nominations");
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => importElectorate(who, { electionId: e.id, text: CSV, mode: "add" }), ForbiddenError);
    const official = await makeOfficial(e.id);
    await expectRefused(() => importElectorate(official, { electionId: e.id, text: "hello world", mode: "add" }), InvalidInputError, /could not be read/);
    await expectRefused(() => importElectorate(official, { electionId: e.id, text: CSV, mode: "merge" as never }), InvalidInputError, /mode/);
    const v = await makeElection("voting");
    const o = await makeOfficial(v.id);
    // The sock-puppet attack: an official adds someone while voting is open. The roll is frozen.
    await expectRefused(() => importElectorate(o, { electionId: v.id, text: CSV, mode: "replace" }), ConflictError, /frozen/);
    await expectRefused(() => importElectorate(o, { electionId: v.id, text: "login,email,name\nsockpuppet,,Sock\n", mode: "add" }), ConflictError, /frozen/);
    // Nor after close, in any state that follows.
    for (const phase of ["ended", "closed", "tallied", "published", "cancelled"] as const) {
      const c = await makeElection(phase);
      const oc = await makeOfficial(c.id);
      await expectRefused(() => importElectorate(oc, { electionId: c.id, text: CSV, mode: "add" }), ConflictError);
      await expectRefused(() => importElectorate(oc, { electionId: c.id, text: CSV, mode: "replace" }), ConflictError);
    }
  });
});

describe("isEligibleVoter", () => {
  it("matches the GitHub login case-insensitively, or the email; nobody else", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    await importElectorate(official, { electionId: e.id, text: CSV, mode: "add" });
    const actor = (login: string | null, email: string | null) => ({ id: "x", name: null, githubLogin: login, email, isAdmin: false });
    expect(await isEligibleVoter(prisma, actor("ALICE-DEV", null), e.id)).toBe(true);
    expect(await isEligibleVoter(prisma, actor(null, "Carol@Example.org"), e.id)).toBe(true);
    expect(await isEligibleVoter(prisma, actor("mallory", "mallory@example.org"), e.id)).toBe(false);
    expect(await isEligibleVoter(prisma, null, e.id)).toBe(false);
    const other = await makeElection("voting");
    expect(await isEligibleVoter(prisma, actor("bob", null), other.id)).toBe(false);
  });
});

describe("the roll after close (issue 6.6, 6.11)", () => {
  it("no exception can be granted once voting is closed, tallied or published, nor for a cancelled election", async () => {
    for (const phase of ["closed", "tallied", "published", "cancelled"] as const) {
      const e = await makeElection("voting");
      const official = await makeOfficial(e.id);
      const member = await makeUser();
      const { id } = await requestException(member, { electionId: e.id, reason: "late" });
      const state = { closed: "CLOSED", tallied: "TALLIED", published: "PUBLISHED", cancelled: "CANCELLED" } as const;
      await prisma.election.update({ where: { id: e.id }, data: { state: state[phase] } });
      await expectRefused(() => decideException(official, { requestId: id, grant: true }), ConflictError, /can no longer change/);
      expect(await isEligibleVoter(prisma, member, e.id)).toBe(false);
    }
  });
});

describe("exceptions", () => {
  it("a member asks, an official grants: the member is on the roll, audited", async () => {
    const e = await makeElection("voting");
    const official = await makeOfficial(e.id);
    const member = await makeUser();
    const { id } = await requestException(member, { electionId: e.id, reason: "I maintain the docs" });
    await decideException(official, { requestId: id, grant: true, note: "Yes" });
    expect(await isEligibleVoter(prisma, member, e.id)).toBe(true);
    expect(await prisma.electorateEntry.findFirst({ where: { electionId: e.id, githubLogin: member.githubLogin } })).toMatchObject({ source: "exception" });
    expect(await prisma.exceptionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "GRANTED", decidedById: official.id });
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id }, orderBy: { seq: "desc" } })).toMatchObject({
      action: "exception.granted",
      details: { member: `${member.githubLogin} <${member.email}>` },
    });
    await expectRefused(() => decideException(official, { requestId: id, grant: false }), ConflictError, /already been decided/);
  });

  it("a denial is audited and adds nobody", async () => {
    const e = await makeElection("voting");
    const official = await makeOfficial(e.id);
    const member = await makeUser();
    const { id } = await requestException(member, { electionId: e.id, reason: "Please" });
    await decideException(official, { requestId: id, grant: false, note: "No contributions" });
    expect(await isEligibleVoter(prisma, member, e.id)).toBe(false);
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id }, orderBy: { seq: "desc" } })).toMatchObject({ action: "exception.denied" });
  });

  it("requests: refuses anonymous, voters already on the roll, repeats, empty reasons, closed elections", async () => {
    const e = await makeElection("voting");
    await expectRefused(() => requestException(null, { electionId: e.id, reason: "x" }), ForbiddenError);
    const voter = await makeVoter(e.id);
    await expectRefused(() => requestException(voter, { electionId: e.id, reason: "x" }), ConflictError, /already on the electorate/);
    const member = await makeUser();
    await expectRefused(() => requestException(member, { electionId: e.id, reason: " " }), InvalidInputError, /reason/);
    await requestException(member, { electionId: e.id, reason: "x" });
    await expectRefused(() => requestException(member, { electionId: e.id, reason: "again" }), ConflictError, /already asked/);
    const closed = await makeElection("closed");
    await expectRefused(() => requestException(member, { electionId: closed.id, reason: "x" }), ConflictError);
  });

  it("decisions: only an official of that election (admin included refused)", async () => {
    const e = await makeElection("voting");
    const member = await makeUser();
    const { id } = await requestException(member, { electionId: e.id, reason: "x" });
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => decideException(who, { requestId: id, grant: true }), ForbiddenError);
    await expectRefused(() => decideException(member, { requestId: id, grant: true }), ForbiddenError);
    const official = await makeOfficial(e.id);
    await expectRefused(() => decideException(official, { requestId: "missing", grant: true }), NotFoundError);
    // An official not on the roll asks for an exception and grants it to themselves: refused; another official decides.
    const { id: own } = await requestException(official, { electionId: e.id, reason: "I count too" });
    await expectRefused(() => decideException(official, { requestId: own, grant: true }), ForbiddenError, /their own/);
    await expectRefused(() => decideException(official, { requestId: own, grant: false }), ForbiddenError, /their own/);
    await decideException(await makeOfficial(e.id), { requestId: own, grant: true });
    expect(await isEligibleVoter(prisma, official, e.id)).toBe(true);
    await expectRefused(() => decideException(official, { requestId: id, grant: "yes" as never }), InvalidInputError, /grant/);
  });
});
