import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { parseKataFolder, type KataElection } from "@/lib/import/parse-kata-folder";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { importKataElection } from "./import-kata-election";
import { expectRefused, makeAdmin, makeElection, makeOfficial, makeUser, uniq } from "@/test/helpers/factories";

// A fictional folder in Kata's layout, so this runs wherever the repo does
// (test/kata-archive.test.ts parses the real archive when ../shared has it).
const FOLDER = path.resolve(import.meta.dirname, "../../test/fixtures/import/kata-2030-01");

async function kata(): Promise<KataElection> {
  const parsed = await parseKataFolder(FOLDER);
  return { ...parsed, title: `${parsed.title} ${uniq("t")}` };
}

describe("importKataElection", () => {
  it("creates a draft with its schedule and SUBMITTED, userless declarations, audited", async () => {
    const admin = await makeAdmin();
    const parsed = await kata();
    const anchor = (await prisma.auditEntry.findFirst({ orderBy: { seq: "desc" } }))?.seq ?? 0;
    const { id, slug, candidates } = await importKataElection(parsed, { actor: admin });
    expect(slug).toMatch(/^architecture-committee-elections-january-2030-t-/);
    expect(candidates).toBe(parsed.candidates.length);
    const e = await prisma.election.findUniqueOrThrow({ where: { id }, include: { candidacies: { include: { revisions: true } } } });
    expect(e).toMatchObject({ state: "DRAFT", seats: 2, title: parsed.title });
    expect(e.votingOpenAt?.toISOString()).toBe("2030-01-14T15:00:00.000Z");
    expect(e.candidacies).toHaveLength(parsed.candidates.length);
    for (const c of e.candidacies) {
      expect(c).toMatchObject({ status: "SUBMITTED", userId: null });
      expect(c.revisions).toHaveLength(1);
    }
    // From the email domain (arm.com): to be confirmed by an official.
    expect(e.candidacies.find((c) => c.displayName === "Ada Quill")).toMatchObject({ affiliation: "Arm", affiliationInferred: true });
    // Stated in the declaration.
    expect(e.candidacies.find((c) => c.displayName === "Bo Lindqvist")).toMatchObject({ affiliation: "Fictional Silicon Ltd.", affiliationInferred: false });
    // No affiliation in the file: "none", flagged for an official to confirm.
    expect(e.candidacies.find((c) => c.displayName === "Cleo Morrow")).toMatchObject({ affiliation: "none", affiliationInferred: true });
    expect(await prisma.auditEntry.findFirst({ where: { electionId: id } })).toMatchObject({ action: "election.imported", actorId: admin.id });
    expect((await verifyAuditChain(prisma, { afterSeq: anchor })).ok).toBe(true);
  });

  it("runs without an actor from the command line, and refuses a second import of the same election", async () => {
    const parsed = await kata();
    await importKataElection(parsed);
    await expectRefused(() => importKataElection(parsed), ConflictError, /already exists/);
  });

  it("refuses anonymous callers and non-admins (an official included)", async () => {
    const parsed = await kata();
    await expectRefused(() => importKataElection(parsed, { actor: null }), ForbiddenError);
    const member = await makeUser();
    await expectRefused(() => importKataElection(parsed, { actor: member }), ForbiddenError);
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    await expectRefused(() => importKataElection(parsed, { actor: official }), ForbiddenError);
  });

  it("refuses malformed input with a clear message", async () => {
    const parsed = await kata();
    await expectRefused(() => importKataElection({ ...parsed, seats: 0 }, { actor: null as never }), ForbiddenError);
    await expectRefused(() => importKataElection({ ...parsed, seats: 0 }), InvalidInputError, /seats/);
    await expectRefused(() => importKataElection({ ...parsed, title: " " }), InvalidInputError, /title/);
  });
});
