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
    expect(await importElectorate(official, { electionId: e.id, text: CSV, mode: "add" })).toEqual({ added: 3, total: 3 });
    const rows = await prisma.electorateEntry.findMany({ where: { electionId: e.id }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.githubLogin, r.email])).toEqual([
      ["alice-dev", "alice@example.org"],
      ["bob", null],
      [null, "carol@example.org"],
    ]);
    // Adding the same file again adds nobody.
    expect(await importElectorate(official, { electionId: e.id, text: CSV, mode: "add" })).toEqual({ added: 0, total: 3 });
    const audit = await prisma.auditEntry.findFirst({ where: { electionId: e.id }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ action: "electorate.imported", details: { mode: "add", added: 0, total: 3 } });
  });

  it("reads Kata YAML and Elekto voters.yaml; replace keeps granted exceptions", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const kata = "- github_id: Zed\n  name: Zed\n  email: zed@example.org\n  emails: [zed@example.org]\n  commit_count: 3\n";
    expect(await importElectorate(official, { electionId: e.id, text: kata, mode: "add" })).toEqual({ added: 1, total: 1 });
    const granted = await makeVoter(e.id, { source: "exception" });
    expect(await importElectorate(official, { electionId: e.id, text: "eligible_voters:\n  - Ann\n  - ben\n", mode: "replace" })).toEqual({ added: 2, total: 3 });
    const logins = (await prisma.electorateEntry.findMany({ where: { electionId: e.id } })).map((r) => r.githubLogin).sort();
    expect(logins).toEqual(["ann", "ben", granted.githubLogin].sort());
  });

  it("refuses non-officials (admin included), unreadable files, and replacing once voting opened", async () => {
    const e = await makeElection("nominations");
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => importElectorate(who, { electionId: e.id, text: CSV, mode: "add" }), ForbiddenError);
    const official = await makeOfficial(e.id);
    await expectRefused(() => importElectorate(official, { electionId: e.id, text: "hello world", mode: "add" }), InvalidInputError, /could not be read/);
    await expectRefused(() => importElectorate(official, { electionId: e.id, text: CSV, mode: "merge" as never }), InvalidInputError, /mode/);
    const v = await makeElection("voting");
    const o = await makeOfficial(v.id);
    await expectRefused(() => importElectorate(o, { electionId: v.id, text: CSV, mode: "replace" }), ConflictError, /added to/);
    expect((await importElectorate(o, { electionId: v.id, text: CSV, mode: "add" })).added).toBe(3);
    const c = await makeElection("closed");
    const oc = await makeOfficial(c.id);
    await expectRefused(() => importElectorate(oc, { electionId: c.id, text: CSV, mode: "add" }), ConflictError);
  });
});

describe("isEligibleVoter", () => {
  it("matches the GitHub login case-insensitively, or the email; nobody else", async () => {
    const e = await makeElection("voting");
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
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id }, orderBy: { seq: "desc" } })).toMatchObject({ action: "exception.granted" });
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
    await expectRefused(() => decideException(official, { requestId: id, grant: "yes" as never }), InvalidInputError, /grant/);
  });
});
