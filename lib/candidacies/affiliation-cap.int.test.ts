// With a cap per affiliation in force, a declaration must say its affiliation
// (or say explicitly that there is none): an empty field would count as "no
// affiliation" and slip past the cap unnoticed.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/errors";
import { submitCandidacy } from "./submit-candidacy";
import { editCandidacy } from "./edit-candidacy";
import { expectRefused, makeElection, makeUser } from "@/test/helpers/factories";

const declaration = { displayName: "Grace Hopper", email: "grace@example.org", statement: "I review compilers." };

describe("affiliation under a cap", () => {
  it("submit refuses an empty affiliation, saying why, and changes nothing", async () => {
    const e = await makeElection("nominations", { maxPerAffiliation: 2 });
    const member = await makeUser();
    for (const affiliation of ["", "   ", undefined]) {
      await expectRefused(
        () => submitCandidacy(member, { electionId: e.id, ...declaration, affiliation: affiliation as string }),
        InvalidInputError,
        /affiliation: this election allows at most 2 members per affiliation/i,
      );
    }
  });

  it("submit takes a named affiliation or the explicit \"none\"", async () => {
    const e = await makeElection("nominations", { maxPerAffiliation: 1 });
    const named = await submitCandidacy(await makeUser(), { electionId: e.id, ...declaration, affiliation: "Example Corp" });
    const none = await submitCandidacy(await makeUser(), { electionId: e.id, ...declaration, affiliation: "none" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: named.id } })).toMatchObject({ affiliation: "Example Corp" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: none.id } })).toMatchObject({ affiliation: "none" });
  });

  it("edit refuses emptying the affiliation, but leaving it out keeps it", async () => {
    const e = await makeElection("nominations", { maxPerAffiliation: 1 });
    const member = await makeUser();
    const { id } = await submitCandidacy(member, { electionId: e.id, ...declaration, affiliation: "Example Corp" });
    await expectRefused(() => editCandidacy(member, { candidacyId: id, affiliation: " " }), InvalidInputError, /at most 1 member per affiliation/);
    await editCandidacy(member, { candidacyId: id, statement: "Edited" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id } })).toMatchObject({ affiliation: "Example Corp", statement: "Edited" });
    await editCandidacy(member, { candidacyId: id, affiliation: "none" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id } })).toMatchObject({ affiliation: "none" });
  });

  it("without a cap the field stays optional: empty is stored as \"none\"", async () => {
    const e = await makeElection("nominations", { maxPerAffiliation: null });
    const { id } = await submitCandidacy(await makeUser(), { electionId: e.id, ...declaration, affiliation: "" });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id } })).toMatchObject({ affiliation: "none" });
    const other = await submitCandidacy(await makeUser(), { electionId: e.id, ...declaration });
    expect(await prisma.candidacy.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ affiliation: "none" });
  });
});
