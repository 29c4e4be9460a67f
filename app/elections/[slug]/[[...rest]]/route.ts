// Links from before communities (/elections/<slug>/...) keep working: they
// redirect to the election's address in its community. A slug two
// communities share is ambiguous, so only the elections this visitor may see
// are considered, and a draft's community is never revealed to others.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { canSeeElection, isPublicElection } from "@/lib/elections/visibility";
import { electionHref } from "@/app/_lib/paths";

const Params = z.object({
  slug: z.string().min(1).max(80),
  rest: z.array(z.string().min(1).max(200)).max(4).optional(),
});

async function redirectOldLink(request: Request, { params }: { params: Promise<{ slug: string; rest?: string[] }> }): Promise<Response> {
  const parsed = Params.safeParse(await params);
  if (!parsed.success) return new Response("Not found.\n", { status: 404 });
  const { slug, rest } = parsed.data;
  const candidates = await prisma.election.findMany({
    where: { slug },
    select: { id: true, state: true, openedAt: true, communityId: true, community: { select: { slug: true } } },
  });
  const actor = candidates.some((e) => !isPublicElection(e)) ? await getActor() : null;
  const visible = [];
  for (const e of candidates) if (await canSeeElection(prisma, actor?.id, e)) visible.push(e);
  if (visible.length !== 1) return new Response(visible.length === 0 ? "Not found.\n" : "Several communities hold an election at this address; open it from its community's page.\n", { status: visible.length === 0 ? 404 : 300, headers: { "content-type": "text/plain; charset=utf-8" } });
  const url = new URL(request.url);
  const target = electionHref(visible[0].community.slug, slug, rest?.length ? `/${rest.map(encodeURIComponent).join("/")}` : "");
  return new Response(null, { status: 308, headers: { location: `${target}${url.search}` } });
}

export const GET = redirectOldLink;
export const HEAD = redirectOldLink;
