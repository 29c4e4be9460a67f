import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { submitCandidacy } from "./submit-candidacy";
import { editCandidacy } from "./edit-candidacy";
import { withdrawCandidacy } from "./withdraw-candidacy";
import { reviewCandidacy } from "./review-candidacy";
import { expectRefused, makeCandidate, makeElection, makeOfficial, makeUser, outsiders } from "@/test/helpers/factories";

const declaration = { displayName: "Ada Lovelace", email: "Ada@Example.org", affiliation: "Analytical Engines", platform: "Arm", statement: "# Hello\n<script>alert(1)</script>" };

describe("submitCandidacy", () => {
  it("lets a member declare while nominations are open; stores Markdown raw and revision 1", async () => {
    const e = await makeElection("nominations");
    const member = await makeUser();
    const { id } = await submitCandidacy(member, { electionId: e.id, ...declaration });
    const c = await prisma.candidacy.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(c).toMatchObject({ status: "SUBMITTED", userId: member.id, email: "ada@example.org", githubLogin: member.githubLogin, statement: declaration.statement });
    expect(c.revisions.map((r) => r.number)).toEqual([1]);
  });

  it("refuses anonymous members and the election's officials (never candidates)", async () => {
    const e = await makeElection("nominations");
    await expectRefused(() => submitCandidacy(null, { electionId: e.id, ...declaration }), ForbiddenError);
    const official = await makeOfficial(e.id);
    await expectRefused(() => submitCandidacy(official, { electionId: e.id, ...declaration }), ForbiddenError, /official/);
  });

  it("refuses outside nominations, twice, and bad input", async () => {
    for (const phase of ["draft", "upcoming", "campaign", "voting", "closed"] as const) {
      const e = await makeElection(phase);
      const m = await makeUser();
      await expectRefused(() => submitCandidacy(m, { electionId: e.id, ...declaration }), ConflictError, /Nominations are not open/);
    }
    const e = await makeElection("nominations");
    const member = await makeUser();
    await expectRefused(() => submitCandidacy(member, { electionId: e.id, ...declaration, email: "not-an-email" }), InvalidInputError, /email/);
    await expectRefused(() => submitCandidacy(member, { electionId: e.id, ...declaration, statement: "  " }), InvalidInputError, /statement/);
    await expectRefused(() => submitCandidacy(member, { electionId: e.id, ...declaration, githubLogin: "bad login!" }), InvalidInputError, /GitHub login/);
    await expectRefused(() => submitCandidacy(member, { electionId: "missing", ...declaration }), NotFoundError);
    await submitCandidacy(member, { electionId: e.id, ...declaration });
    await expectRefused(() => submitCandidacy(member, { electionId: e.id, ...declaration }), ConflictError, /already declared/);
  });
});

describe("editCandidacy", () => {
  it("lets the owner edit while nominations are open, keeping a revision and sending it back to review", async () => {
    const e = await makeElection("nominations");
    const member = await makeUser();
    const { id } = await submitCandidacy(member, { electionId: e.id, ...declaration });
    await prisma.candidacy.update({ where: { id }, data: { status: "ACCEPTED" } });
    await editCandidacy(member, { candidacyId: id, statement: "Edited", affiliation: "" });
    const c = await prisma.candidacy.findUniqueOrThrow({ where: { id }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(c).toMatchObject({ statement: "Edited", affiliation: "none", displayName: "Ada Lovelace", status: "SUBMITTED" });
    expect(c.revisions.map((r) => [r.number, r.statement])).toEqual([
      [1, declaration.statement],
      [2, "Edited"],
    ]);
  });

  it("refuses anyone but the owner, the election's official included", async () => {
    const e = await makeElection("nominations");
    const owner = await makeUser();
    const { id } = await submitCandidacy(owner, { electionId: e.id, ...declaration });
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => editCandidacy(who, { candidacyId: id, statement: "x" }), ForbiddenError);
    const official = await makeOfficial(e.id);
    await expectRefused(() => editCandidacy(official, { candidacyId: id, statement: "x" }), ForbiddenError);
  });

  it("refuses after nominations close, when withdrawn, and bad input", async () => {
    const e = await makeElection("campaign");
    const owner = await makeUser();
    const c = await makeCandidate(e.id, { user: owner });
    await expectRefused(() => editCandidacy(owner, { candidacyId: c.id, statement: "x" }), ConflictError, /closed/);
    const open = await makeElection("nominations");
    const w = await makeCandidate(open.id, { user: owner, status: "WITHDRAWN" });
    await expectRefused(() => editCandidacy(owner, { candidacyId: w.id, statement: "x" }), ConflictError, /withdrawn/);
    const s = await makeCandidate(open.id, { user: await makeUser() });
    await expectRefused(() => editCandidacy(owner, { candidacyId: s.id, email: "nope" }), InvalidInputError, /email/);
    await expectRefused(() => editCandidacy(owner, { candidacyId: "missing", statement: "x" }), NotFoundError);
  });
});

describe("withdrawCandidacy", () => {
  it("lets the owner withdraw during nominations and declare again later", async () => {
    const e = await makeElection("nominations");
    const owner = await makeUser();
    const { id } = await submitCandidacy(owner, { electionId: e.id, ...declaration });
    await withdrawCandidacy(owner, { candidacyId: id });
    expect((await prisma.candidacy.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    await expectRefused(() => withdrawCandidacy(owner, { candidacyId: id }), ConflictError, /already withdrawn/);
    const again = await submitCandidacy(owner, { electionId: e.id, ...declaration, statement: "Back" });
    expect(again.id).toBe(id);
    const c = await prisma.candidacy.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(c.status).toBe("SUBMITTED");
    expect(c.revisions).toHaveLength(2);
  });

  it("refuses others and after nominations close", async () => {
    const e = await makeElection("nominations");
    const owner = await makeUser();
    const c = await makeCandidate(e.id, { user: owner });
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => withdrawCandidacy(who, { candidacyId: c.id }), ForbiddenError);
    const closed = await makeElection("campaign");
    const c2 = await makeCandidate(closed.id, { user: owner });
    await expectRefused(() => withdrawCandidacy(owner, { candidacyId: c2.id }), ConflictError, /closed/);
    await expectRefused(() => withdrawCandidacy(owner, { candidacyId: "" }), InvalidInputError);
  });
});

describe("reviewCandidacy", () => {
  it("lets an official accept (confirming the affiliation) or reject with a reason, audited", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const a = await makeCandidate(e.id, { status: "SUBMITTED" });
    await prisma.candidacy.update({ where: { id: a.id }, data: { affiliationInferred: true, affiliation: "example" } });
    await reviewCandidacy(official, { candidacyId: a.id, decision: "accept", affiliation: "Example Corp" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "ACCEPTED", affiliation: "Example Corp", affiliationInferred: false });
    const r = await makeCandidate(e.id, { status: "SUBMITTED" });
    await reviewCandidacy(official, { candidacyId: r.id, decision: "reject", reason: "Not a contributor" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "REJECTED", rejectionReason: "Not a contributor" });
    const audit = await prisma.auditEntry.findMany({ where: { electionId: e.id }, orderBy: { seq: "asc" } });
    expect(audit.map((x) => x.action)).toEqual(["candidacy.accepted", "candidacy.rejected"]);
  });

  it("accepting with a corrected affiliation stores it, clears the inferred flag and audits the confirmed value", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const c = await makeCandidate(e.id, { status: "SUBMITTED" });
    await prisma.candidacy.update({ where: { id: c.id }, data: { affiliationInferred: true, affiliation: "intel.com" } });
    await reviewCandidacy(official, { candidacyId: c.id, decision: "accept", affiliation: "  Intel Corporation " });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "ACCEPTED",
      affiliation: "Intel Corporation",
      affiliationInferred: false,
    });
    const [entry] = await prisma.auditEntry.findMany({ where: { electionId: e.id } });
    expect(entry).toMatchObject({ action: "candidacy.accepted", details: { candidacyId: c.id, affiliation: "Intel Corporation" } });

    // Accepting as is confirms the stored value; an empty correction is refused and changes nothing.
    const kept = await makeCandidate(e.id, { status: "SUBMITTED" });
    await prisma.candidacy.update({ where: { id: kept.id }, data: { affiliationInferred: true, affiliation: "none" } });
    await expectRefused(() => reviewCandidacy(official, { candidacyId: kept.id, decision: "accept", affiliation: "  " }), InvalidInputError);
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ status: "SUBMITTED", affiliationInferred: true });
    await reviewCandidacy(official, { candidacyId: kept.id, decision: "accept" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ affiliation: "none", affiliationInferred: false });
  });

  it("requires a reason to reject", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const c = await makeCandidate(e.id, { status: "SUBMITTED" });
    await expectRefused(() => reviewCandidacy(official, { candidacyId: c.id, decision: "reject" }), InvalidInputError, /rejection needs a reason/);
    await expectRefused(() => reviewCandidacy(official, { candidacyId: c.id, decision: "maybe" as never }), InvalidInputError, /decision/);
  });

  it("refuses non-officials (admin included) and once voting has opened", async () => {
    const e = await makeElection("nominations");
    const c = await makeCandidate(e.id, { status: "SUBMITTED" });
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => reviewCandidacy(who, { candidacyId: c.id, decision: "accept" }), ForbiddenError);
    const v = await makeElection("voting");
    const o = await makeOfficial(v.id);
    const vc = await makeCandidate(v.id, { status: "SUBMITTED" });
    await expectRefused(() => reviewCandidacy(o, { candidacyId: vc.id, decision: "accept" }), ConflictError, /voting has opened/);
  });
});
