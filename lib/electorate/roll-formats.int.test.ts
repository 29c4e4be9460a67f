// A community says which roll formats its elections accept (its charter names
// who may vote and how that list is made); an import in another format is refused.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/errors";
import { expectRefused, makeCommunity, makeElection, makeOfficial } from "@/test/helpers/factories";
import { importElectorate } from "./import-electorate";

const CSV = "login,email,name\nann,ann@example.org,Ann\n";
const KATA = "- github_id: Zed\n  name: Zed\n  email: zed@example.org\n";
const ELEKTO = "eligible_voters:\n  - ben\n";

async function electionOf(rollFormats: string[]) {
  const c = await makeCommunity();
  await prisma.community.update({ where: { id: c.id }, data: { rollFormats } });
  const e = await makeElection("nominations", { communityId: c.id });
  return { e, official: await makeOfficial(e.id) };
}

describe("importElectorate and the community's roll formats", () => {
  it("refuses a roll in a format the community does not accept, naming what it accepts, and changes nothing", async () => {
    const { e, official } = await electionOf(["elekto-voters"]);
    await expectRefused(() => importElectorate(official, { electionId: e.id, text: CSV, mode: "add" }), InvalidInputError, /CSV.*not accepted.*Elekto voters\.yaml/);
    await expectRefused(() => importElectorate(official, { electionId: e.id, text: KATA, mode: "replace" }), InvalidInputError, /Kata electorate YAML.*not accepted/);
    expect(await importElectorate(official, { electionId: e.id, text: ELEKTO, mode: "add" })).toMatchObject({ added: 1, total: 1 });
  });

  it("accepts every listed format, and every format when the community lists none", async () => {
    const some = await electionOf(["csv", "kata-yaml"]);
    expect(await importElectorate(some.official, { electionId: some.e.id, text: CSV, mode: "add" })).toMatchObject({ added: 1 });
    expect(await importElectorate(some.official, { electionId: some.e.id, text: KATA, mode: "add" })).toMatchObject({ added: 1 });
    const all = await electionOf([]);
    for (const text of [CSV, KATA, ELEKTO]) expect(await importElectorate(all.official, { electionId: all.e.id, text, mode: "add" })).toMatchObject({ added: 1 });
  });
});
