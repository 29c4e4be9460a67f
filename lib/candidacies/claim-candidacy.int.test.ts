import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { Actor } from "@/lib/auth/actor";
import { claimableCandidacies, claimCandidacy } from "./claim-candidacy";
import { editCandidacy } from "./edit-candidacy";
import { withdrawCandidacy } from "./withdraw-candidacy";
import { expectRefused, makeCandidate, makeElection, makeOfficial, makeUser, outsiders, uniq } from "@/test/helpers/factories";

/** A declaration as importKataElection writes it: no user, lower-cased email and login, revision 1. */
async function imported(electionId: string, opts: { email?: string; githubLogin?: string | null; status?: "SUBMITTED" | "ACCEPTED" } = {}) {
  const fields = {
    displayName: uniq("Imported"),
    email: opts.email ?? `${uniq("kata")}@example.org`,
    githubLogin: opts.githubLogin === undefined ? null : opts.githubLogin,
    affiliation: "none",
    statement: "Imported from a Kata folder.",
  };
  return prisma.candidacy.create({
    data: { ...fields, electionId, status: opts.status ?? "SUBMITTED", revisions: { create: { ...fields, number: 1 } } },
  });
}

async function claims(candidacyId: string) {
  return prisma.auditEntry.findMany({ where: { action: "candidacy.claimed", details: { path: ["candidacyId"], equals: candidacyId } } });
}

describe("claimCandidacy", () => {
  it("links an imported declaration to the member whose email it names (case-insensitive), with an audit entry and no revision", async () => {
    const e = await makeElection("nominations");
    const member = await makeUser({ login: uniq("fabiano"), email: `${uniq("Fabiano")}@Example.org` });
    const c = await imported(e.id, { email: member.email!.toUpperCase() });
    expect((await claimableCandidacies(prisma, member, e.id)).map((x) => x.id)).toEqual([c.id]);

    await expect(claimCandidacy(member, { candidacyId: c.id })).resolves.toEqual({ id: c.id });

    const after = await prisma.candidacy.findUniqueOrThrow({ where: { id: c.id }, include: { revisions: true } });
    expect(after).toMatchObject({ userId: member.id, status: "SUBMITTED", displayName: c.displayName, statement: c.statement, email: c.email });
    expect(after.revisions).toHaveLength(1);
    const audit = await claims(c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ electionId: e.id, actorId: member.id, details: { candidacyId: c.id, candidate: c.displayName, matchedBy: "email" } });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
    expect(await claimableCandidacies(prisma, member, e.id)).toEqual([]);

    // Now the normal flow applies: the owner edits and withdraws it while nominations are open.
    await editCandidacy(member, { candidacyId: c.id, statement: "Mine now." });
    await withdrawCandidacy(member, { candidacyId: c.id });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ statement: "Mine now.", status: "WITHDRAWN" });
  });

  it("matches the GitHub login case-insensitively, whatever the email", async () => {
    const e = await makeElection("campaign");
    const login = uniq("MixedCase");
    const member = await makeUser({ login, email: `${uniq("other")}@example.org` });
    const c = await imported(e.id, { githubLogin: login.toUpperCase(), status: "ACCEPTED" });
    await claimCandidacy(member, { candidacyId: c.id });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ userId: member.id, status: "ACCEPTED" });
    expect((await claims(c.id))[0]).toMatchObject({ details: { matchedBy: "githubLogin" } });
    // Claimed after nominations closed: it is the member's, but the window still rules edits.
    await expectRefused(() => editCandidacy(member, { candidacyId: c.id, statement: "late" }), ConflictError, /closed/);
  });

  it("refuses anonymous callers and anyone the declaration does not name, changing nothing", async () => {
    const e = await makeElection("nominations");
    const c = await imported(e.id, { email: "kata-person@example.org", githubLogin: "kata-person" });
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => claimCandidacy(who, { candidacyId: c.id }), ForbiddenError);
    // Same name, different identity; a login that only starts the same does not match either.
    const near = await makeUser({ login: "kata-person-2", email: "kata-person@example.org.evil" });
    await expectRefused(() => claimCandidacy(near, { candidacyId: c.id }), ForbiddenError, /not imported for you/);
    const noIdentity: Actor = { ...(await makeUser({ login: null, email: null })), name: "Nobody" };
    await expectRefused(() => claimCandidacy(noIdentity, { candidacyId: c.id }), ForbiddenError);
    expect(await claimableCandidacies(prisma, noIdentity, e.id)).toEqual([]);
  });

  it("refuses a declaration already claimed, by someone else or by the caller", async () => {
    const e = await makeElection("nominations");
    // The file names one person's email and another's GitHub login: whoever claims first wins.
    const first = await makeUser();
    const second = await makeUser();
    const c = await imported(e.id, { email: first.email!, githubLogin: second.githubLogin });
    await claimCandidacy(first, { candidacyId: c.id });
    await expectRefused(() => claimCandidacy(first, { candidacyId: c.id }), ConflictError, /already yours/);
    await expectRefused(() => claimCandidacy(second, { candidacyId: c.id }), ConflictError, /already been claimed/);
    expect(await claims(c.id)).toHaveLength(1);
  });

  it("refuses a member who already has a declaration in the election", async () => {
    const e = await makeElection("nominations");
    const member = await makeUser();
    await makeCandidate(e.id, { user: member, status: "SUBMITTED" });
    const c = await imported(e.id, { email: member.email! });
    await expectRefused(() => claimCandidacy(member, { candidacyId: c.id }), ConflictError, /already have a declaration/);
    // Two imported declarations naming the same person: only one can be theirs.
    const other = await makeUser();
    const a = await imported(e.id, { email: other.email! });
    const b = await imported(e.id, { githubLogin: other.githubLogin });
    await claimCandidacy(other, { candidacyId: a.id });
    await expectRefused(() => claimCandidacy(other, { candidacyId: b.id }), ConflictError, /already have a declaration/);
  });

  it("refuses the election's officials (they cannot stand), bad input and unknown declarations", async () => {
    const e = await makeElection("nominations");
    const official = await makeOfficial(e.id);
    const c = await imported(e.id, { email: official.email!, githubLogin: official.githubLogin });
    await expectRefused(() => claimCandidacy(official, { candidacyId: c.id }), ForbiddenError, /official/);
    const member = await makeUser();
    await expectRefused(() => claimCandidacy(member, { candidacyId: "" }), InvalidInputError);
    await expectRefused(() => claimCandidacy(member, { candidacyId: "missing" }), NotFoundError);
  });
});
