// The upload action against the real database: its limits, and the server-side
// refusal of anyone but an admin of the chosen community whatever the page showed them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { slugify } from "@/lib/elections/slug";
import type { Community } from "@/lib/generated/prisma/client";
import { dbDigest, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, uniq } from "@/test/helpers/factories";

const who = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => who.actor }));
// No Next.js request here to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { importKataFolderAction } = await import("./actions");

const FIXTURE = path.resolve(import.meta.dirname, "../../../test/fixtures/import/kata-2030-01");

/** The fixture as the folder picker uploads it, under a unique title so each import is new. */
async function folderFiles(title = `Kata Import ${uniq("t")}`): Promise<File[]> {
  const names = await readdir(FIXTURE);
  return Promise.all(
    names.map(async (n) => {
      let text = await readFile(path.join(FIXTURE, n), "utf8");
      if (n === "README.md") text = text.replace(/^# .*$/m, `# ${title}`);
      return new File([text], `kata-2030-01/${n}`, { type: "text/plain" });
    }),
  );
}

let community: Community;

function form(files: File[], folderName = "", communityId = community.id): FormData {
  const fd = new FormData();
  fd.set("communityId", communityId);
  for (const f of files) fd.append("files", f);
  fd.set("folderName", folderName);
  return fd;
}

async function expectError(fd: FormData, message: RegExp) {
  const before = await dbDigest();
  const state = await importKataFolderAction(null, fd);
  expect(state).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  expect(await dbDigest()).toEqual(before);
}

describe("importKataFolderAction", () => {
  let communityAdmin: Actor;

  beforeAll(async () => {
    community = await makeCommunity();
    communityAdmin = await makeCommunityAdmin(community.id);
  });

  beforeEach(() => {
    who.actor = communityAdmin;
  });

  it("imports the folder as a draft into the chosen community and redirects to its manage page", async () => {
    const title = `Kata Import ${uniq("ok")}`;
    const redirect = importKataFolderAction(null, form(await folderFiles(title)));
    const slug = slugify(title);
    await expect(redirect).rejects.toMatchObject({ digest: expect.stringContaining(`/c/${community.slug}/elections/${slug}/manage`) });
    const e = await prisma.election.findUniqueOrThrow({ where: { communityId_slug: { communityId: community.id, slug } }, include: { candidacies: true } });
    expect(e.state).toBe("DRAFT");
    expect(e.candidacies.map((c) => c.displayName).sort()).toEqual(["Ada Quill", "Bo Lindqvist", "Cleo Morrow"]);
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id } })).toMatchObject({ action: "election.imported", actorId: who.actor!.id });
  });

  it("refuses anyone but an admin of the chosen community on the server, changing nothing", async () => {
    const elsewhere = await makeCommunity();
    const election = await makeElection("draft", { communityId: community.id });
    const wrong: Array<Actor | null> = [
      null,
      await makeUser(),
      await makeOfficial(election.id),
      // The instance admin holds no power inside a community unless named there.
      await makeAdmin(),
      // An admin of another community, choosing this one (a form the page would never have shown them).
      await makeCommunityAdmin(elsewhere.id),
    ];
    for (const actor of wrong) {
      who.actor = actor;
      await expectError(form(await folderFiles()), actor ? /Only an admin of this community/ : /Sign in/);
    }
  });

  it("refuses a missing or unknown community with a clear message, changing nothing", async () => {
    await expectError(form(await folderFiles(), "", ""), /choose the community the election belongs to/);
    await expectError(form(await folderFiles(), "", "no-such-community"), /Only an admin of this community/);
  });

  it("enforces the upload limits and names the offending file", async () => {
    const files = await folderFiles();
    await expectError(form([]), /choose the election folder/);
    await expectError(form([new File([], "")]), /choose the election folder/); // an empty file input
    const filler = (i: number, size = 10) => new File(["x".repeat(size)], `kata-2030-01/note-${i}.txt`);
    await expectError(form([...files, ...Array.from({ length: 201 - files.length }, (_, i) => filler(i))]), /at most 200 files/);
    await expectError(form([...files, new File(["x".repeat(256 * 1024 + 1)], "kata-2030-01/Huge.txt")]), /Huge\.txt is larger than 256 KiB/);
    await expectError(form([...files, ...Array.from({ length: 21 }, (_, i) => filler(i, 250 * 1024))]), /more than 5 MiB/);
    await expectError(form([...files, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])], "kata-2030-01/photo.png")]), /photo\.png is not a text file/);
    await expectError(form(files.filter((f) => !f.name.endsWith("README.md"))), /no README\.md/);
  });

  it("shows what is wrong with the folder's contents", async () => {
    const files = (await folderFiles()).map((f) => (f.name.endsWith("README.md") ? new File(["# An election\n\nNo seat count here.\n"], f.name) : f));
    await expectError(form(files), /kata-2030-01\/README\.md: cannot find the number of seats/);
  });
});
