import { createHash } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { LOGO_TYPES } from "@/lib/communities/logo-image";

const slug = z.string().min(1).max(60).regex(/^[a-z0-9-]+$/);

/**
 * A community's logo, public like its page. Served only as the type its bytes
 * were recognised as at upload, never sniffed, and sandboxed: even a file that
 * slipped past the check could not run script here. Pages link it with
 * `?v=<updatedAt>`, so it can be cached for a day; the ETag spares the bytes otherwise.
 */
export async function GET(request: Request, { params }: { params: Promise<{ community: string }> }) {
  const parsed = slug.safeParse((await params).community);
  if (!parsed.success) return new Response("Not found.\n", { status: 404 });
  const c = await prisma.community.findUnique({ where: { slug: parsed.data }, select: { logo: true, logoType: true } });
  const type = LOGO_TYPES.find((t) => t === c?.logoType);
  if (!c?.logo || !type) return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const etag = `"${createHash("sha256").update(c.logo).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "content-type": type,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "public, max-age=86400",
    etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(c.logo), { headers: { ...headers, "content-length": String(c.logo.length) } });
}
