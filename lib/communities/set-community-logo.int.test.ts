// The logo upload against the real database: only the community's admins (or an
// instance admin) set or remove it, and only real PNG/JPEG/WebP bytes are kept.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { expectRefused, makeAdmin, makeCommunity, makeCommunityAdmin, makeElection, makeOfficial, makeUser, makeVoter } from "@/test/helpers/factories";
import { setCommunityLogo } from "./set-community-logo";

const PNG_1PX = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201" + "e2b3f6a30000000049454e44ae426082",
  "hex",
);
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const WEBP_HEAD = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x1a, 0, 0, 0]), Buffer.from("WEBPVP8L")]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("setCommunityLogo", () => {
  it("lets a community admin set a PNG, JPEG or WebP logo, typed by its bytes, and remove it, each audited", async () => {
    const c = await makeCommunity();
    const admin = await makeCommunityAdmin(c.id);
    for (const [bytes, type] of [
      [PNG_1PX, "image/png"],
      [JPEG_HEAD, "image/jpeg"],
      [WEBP_HEAD, "image/webp"],
    ] as const) {
      expect(await setCommunityLogo(admin, { communityId: c.id, logo: bytes })).toEqual({ logoType: type });
      const row = await prisma.community.findUniqueOrThrow({ where: { id: c.id } });
      expect(row.logoType).toBe(type);
      expect(Buffer.from(row.logo!).equals(bytes)).toBe(true);
    }
    expect(await setCommunityLogo(admin, { communityId: c.id, logo: null })).toEqual({ logoType: null });
    expect(await prisma.community.findUniqueOrThrow({ where: { id: c.id }, select: { logo: true, logoType: true } })).toEqual({ logo: null, logoType: null });
    const log = await prisma.auditEntry.findMany({ where: { communityId: c.id }, orderBy: { seq: "asc" } });
    expect(log.map((e) => [e.action, e.actorId, (e.details as { type?: string }).type ?? null])).toEqual([
      ["community.logo-set", admin.id, "image/png"],
      ["community.logo-set", admin.id, "image/jpeg"],
      ["community.logo-set", admin.id, "image/webp"],
      ["community.logo-removed", admin.id, null],
    ]);
  });

  it("lets an instance admin set it too (they created the community)", async () => {
    const c = await makeCommunity();
    expect(await setCommunityLogo(await makeAdmin(), { communityId: c.id, logo: PNG_1PX })).toEqual({ logoType: "image/png" });
  });

  it("refuses SVG, HTML named as an image, an empty file and anything over 256 KiB, changing nothing", async () => {
    const c = await makeCommunity();
    const admin = await makeCommunityAdmin(c.id);
    await setCommunityLogo(admin, { communityId: c.id, logo: PNG_1PX });
    await expectRefused(() => setCommunityLogo(admin, { communityId: c.id, logo: SVG }), InvalidInputError, /PNG, JPEG or WebP/);
    await expectRefused(() => setCommunityLogo(admin, { communityId: c.id, logo: Buffer.from("<html><script>x</script></html>") }), InvalidInputError, /PNG, JPEG or WebP/);
    await expectRefused(() => setCommunityLogo(admin, { communityId: c.id, logo: Buffer.alloc(0) }), InvalidInputError);
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(256 * 1024)]);
    await expectRefused(() => setCommunityLogo(admin, { communityId: c.id, logo: big }), InvalidInputError, /256 KiB/);
  });

  it("refuses everyone else: anonymous, a voter, an official of its election, another community's admin", async () => {
    const c = await makeCommunity();
    const e = await makeElection("voting", { communityId: c.id });
    const other = await makeCommunity();
    const wrong = [
      ["anonymous", null],
      ["signed-in stranger", await makeUser()],
      ["voter", await makeVoter(e.id)],
      ["official of its election", await makeOfficial(e.id)],
      ["admin of another community", await makeCommunityAdmin(other.id)],
    ] as const;
    for (const [, actor] of wrong) {
      await expectRefused(() => setCommunityLogo(actor, { communityId: c.id, logo: PNG_1PX }), ForbiddenError);
      await expectRefused(() => setCommunityLogo(actor, { communityId: c.id, logo: null }), ForbiddenError);
    }
  });

  it("answers 404 for a community that does not exist", async () => {
    const admin = await makeAdmin();
    await expectRefused(() => setCommunityLogo(admin, { communityId: "no-such-community", logo: PNG_1PX }), NotFoundError);
  });
});
