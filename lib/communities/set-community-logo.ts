import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isCommunityAdmin, requireSignedIn } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/elections/parse-input";
import { LOGO_MAX_BYTES, logoTypeOf } from "./logo-image";

const Input = z.object({
  communityId: z.string().min(1).max(64),
  /** The image's bytes, or null to remove the logo. */
  logo: z.instanceof(Uint8Array).nullable(),
});

/**
 * The community's logo, by its admins or an instance admin (like the rest of
 * its profile). Only PNG, JPEG and WebP, recognised by their bytes; the stored
 * type is the recognised one, which is what the logo route serves.
 */
export async function setCommunityLogo(actor: Actor | null, input: z.input<typeof Input>): Promise<{ logoType: string | null }> {
  const a = requireSignedIn(actor);
  const { communityId, logo } = parseInput(Input, input);
  return prisma.$transaction(async (tx) => {
    if (!a.isAdmin && !(await isCommunityAdmin(tx, a, communityId))) throw new ForbiddenError("Only an admin of this community can change its logo.");
    if (!(await tx.community.findUnique({ where: { id: communityId }, select: { id: true } }))) throw new NotFoundError("No such community.");
    if (logo === null) {
      await tx.community.update({ where: { id: communityId }, data: { logo: null, logoType: null } });
      await appendAuditEntry(tx, { electionId: null, communityId, actor: a, action: "community.logo-removed", details: {} });
      return { logoType: null };
    }
    if (logo.length === 0) throw new InvalidInputError("The file is empty.");
    if (logo.length > LOGO_MAX_BYTES) throw new InvalidInputError(`The logo is ${Math.ceil(logo.length / 1024)} KiB; at most 256 KiB.`);
    const logoType = logoTypeOf(logo);
    if (!logoType) throw new InvalidInputError("The logo must be a PNG, JPEG or WebP image (SVG is not accepted: it can carry script).");
    const bytes = new Uint8Array(logo);
    await tx.community.update({ where: { id: communityId }, data: { logo: bytes, logoType } });
    await appendAuditEntry(tx, {
      electionId: null,
      communityId,
      actor: a,
      action: "community.logo-set",
      details: { type: logoType, bytes: logo.length, sha256: createHash("sha256").update(logo).digest("hex") },
    });
    return { logoType };
  });
}
