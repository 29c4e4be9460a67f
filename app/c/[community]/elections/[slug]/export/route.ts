import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { exportBallots } from "@/lib/ballots/export-ballots";
import { getActor } from "@/lib/auth/current-actor";
import { canSeeElection } from "@/lib/elections/visibility";
import { UseCaseError } from "@/lib/errors";

const FORMATS = {
  json: { type: "application/json; charset=utf-8", ext: "json" },
  csv: { type: "text/csv; charset=utf-8", ext: "csv" },
  blt: { type: "text/plain; charset=utf-8", ext: "blt" },
} as const;

const query = z.object({ format: z.enum(["json", "csv", "blt"]).default("json") });

/** Anonymized ballots; exportBallots decides who may download them and when. */
export async function GET(request: Request, { params }: { params: Promise<{ community: string; slug: string }> }) {
  const { community, slug } = await params;
  const parsed = query.safeParse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
  if (!parsed.success) return new Response("format must be json, csv or blt\n", { status: 400 });
  const election = await prisma.election.findFirst({ where: { slug, community: { slug: community } }, select: { id: true, state: true, openedAt: true, communityId: true } });
  const actor = await getActor();
  // A private election is a 404 like its pages: a 403 would tell anyone that the address holds a draft.
  if (!election || !(await canSeeElection(prisma, actor?.id, election))) return new Response("Not found.\n", { status: 404 });
  const format = parsed.data.format;
  try {
    const text = await exportBallots(actor, { electionId: election.id, format });
    return new Response(text, {
      headers: {
        "content-type": FORMATS[format].type,
        "content-disposition": `attachment; filename="${slug}-ballots.${FORMATS[format].ext}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof UseCaseError) return new Response(`${e.message}\n`, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw e;
  }
}
