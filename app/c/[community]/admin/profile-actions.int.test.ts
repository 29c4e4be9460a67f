// The community admin page's profile and logo actions against the real
// database: the wrong person or bad input gets a message and changes nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { dbDigest, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, makeVoter } from "@/test/helpers/factories";
import type { Community } from "@/lib/generated/prisma/client";

const who = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => who.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { updateCommunityAction, setCommunityLogoAction, removeCommunityLogoAction } = await import("./actions");

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

function profile(over: Record<string, string | string[]> = {}): FormData {
  const fields: Record<string, string | string[]> = {
    name: "Renamed",
    description: "We **build** things.",
    governanceUrl: "https://example.org/charter",
    committeeName: "Technical Steering Committee",
    defaultSeats: "3",
    defaultMethod: "stv-meek",
    defaultUnranked: "last",
    defaultMaxPerAffiliation: "2",
    rollFormats: ["csv", "elekto-voters"],
    ...over,
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

function logoForm(bytes: Buffer, name = "logo.png", type = "image/png"): FormData {
  const fd = new FormData();
  fd.set("logo", new File([new Uint8Array(bytes)], name, { type }));
  return fd;
}

async function expectStateRefused(call: () => Promise<unknown>, message: RegExp) {
  const before = await dbDigest();
  expect(await call()).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  expect(await dbDigest()).toEqual(before);
}

async function wrongPeople(c: Community): Promise<[string, Actor | null][]> {
  const e = await makeElection("voting", { communityId: c.id });
  return [
    ["anonymous", null],
    ["signed-in stranger", await makeUser()],
    ["voter of its election", await makeVoter(e.id)],
    ["official of its election", await makeOfficial(e.id)],
    ["admin of another community", await makeCommunityAdmin((await makeCommunity()).id)],
  ];
}

describe("updateCommunityAction", () => {
  let c: Community;
  beforeEach(async () => {
    c = await makeCommunity();
    who.actor = await makeCommunityAdmin(c.id);
  });

  it("saves the profile and default rules, roll formats from the checkboxes", async () => {
    expect(await updateCommunityAction(c.id, null, profile())).toMatchObject({ ok: true });
    expect(await prisma.community.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      name: "Renamed",
      description: "We **build** things.",
      governanceUrl: "https://example.org/charter",
      committeeName: "Technical Steering Committee",
      defaultSeats: 3,
      defaultMethod: "stv-meek",
      defaultUnranked: "last",
      defaultMaxPerAffiliation: 2,
      rollFormats: ["csv", "elekto-voters"],
    });
    // Empty optional fields clear them.
    expect(await updateCommunityAction(c.id, null, profile({ governanceUrl: "", defaultMaxPerAffiliation: "", rollFormats: [] }))).toMatchObject({ ok: true });
    expect(await prisma.community.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ governanceUrl: null, defaultMaxPerAffiliation: null, rollFormats: [] });
  });

  it("refuses bad input with a message: no name, a javascript: link, an unknown method or roll format, zero seats", async () => {
    await expectStateRefused(() => updateCommunityAction(c.id, null, profile({ name: " " })), /name/);
    await expectStateRefused(() => updateCommunityAction(c.id, null, profile({ governanceUrl: "javascript:alert(1)" })), /http/);
    await expectStateRefused(() => updateCommunityAction(c.id, null, profile({ defaultMethod: "plurality" })), /defaultMethod/);
    await expectStateRefused(() => updateCommunityAction(c.id, null, profile({ rollFormats: ["csv", "xlsx"] })), /rollFormats/);
    await expectStateRefused(() => updateCommunityAction(c.id, null, profile({ defaultSeats: "0" })), /seat/);
    await expectStateRefused(() => updateCommunityAction(c.id, null, profile({ defaultMaxPerAffiliation: "-1" })), /whole number/);
  });

  it("refuses the wrong person, whatever the page showed them", async () => {
    for (const [, actor] of await wrongPeople(c)) {
      who.actor = actor;
      await expectStateRefused(() => updateCommunityAction(c.id, null, profile()), /admin|Sign in/);
    }
  });

  it("lets an instance admin save it (they created the community)", async () => {
    who.actor = await makeAdmin();
    expect(await updateCommunityAction(c.id, null, profile({ name: "By the instance" }))).toMatchObject({ ok: true });
  });
});

describe("setCommunityLogoAction and removeCommunityLogoAction", () => {
  let c: Community;
  beforeEach(async () => {
    c = await makeCommunity();
    who.actor = await makeCommunityAdmin(c.id);
  });

  it("stores an uploaded PNG and removes it", async () => {
    expect(await setCommunityLogoAction(c.id, null, logoForm(PNG))).toMatchObject({ ok: true });
    expect((await prisma.community.findUniqueOrThrow({ where: { id: c.id } })).logoType).toBe("image/png");
    expect(await removeCommunityLogoAction(c.id, null, new FormData())).toMatchObject({ ok: true });
    expect((await prisma.community.findUniqueOrThrow({ where: { id: c.id } })).logo).toBeNull();
  });

  it("refuses an SVG even when the browser calls it a PNG, a file over 256 KiB, and no file", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await expectStateRefused(() => setCommunityLogoAction(c.id, null, logoForm(svg, "logo.png", "image/png")), /PNG, JPEG or WebP/);
    await expectStateRefused(() => setCommunityLogoAction(c.id, null, logoForm(Buffer.concat([PNG, Buffer.alloc(256 * 1024)]))), /256 KiB/);
    await expectStateRefused(() => setCommunityLogoAction(c.id, null, new FormData()), /image file/);
  });

  it("refuses the wrong person, for upload and removal", async () => {
    await prisma.community.update({ where: { id: c.id }, data: { logo: new Uint8Array(PNG), logoType: "image/png" } });
    for (const [, actor] of await wrongPeople(c)) {
      who.actor = actor;
      await expectStateRefused(() => setCommunityLogoAction(c.id, null, logoForm(PNG)), /admin|Sign in/);
      await expectStateRefused(() => removeCommunityLogoAction(c.id, null, new FormData()), /admin|Sign in/);
    }
  });

  it("refuses a bound id that is not a community's", async () => {
    await expectStateRefused(() => removeCommunityLogoAction("x".repeat(65), null, new FormData()), /No such community/);
    await expectStateRefused(() => setCommunityLogoAction("missing", null, logoForm(PNG)), /admin|No such community/);
  });
});
