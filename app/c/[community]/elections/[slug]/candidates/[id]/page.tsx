import { notFound } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { Markdown } from "@/components/markdown/Markdown";
import { h1, h2, link } from "@/components/ui";
import type { Metadata } from "next";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { BackToElection } from "@/components/BackToElection";
import { electionHref } from "@/app/_lib/paths";
import { affiliationInWords, withFullStop } from "@/components/election-text";

type Params = { params: Promise<{ community: string; slug: string; id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { community, slug, id } = await params;
  const e = await visibleElection({ community, slug });
  // Only an accepted declaration's name is public; the page itself decides who sees the rest.
  const c = e ? await prisma.candidacy.findFirst({ where: { id, electionId: e.id, status: "ACCEPTED" }, select: { displayName: true } }) : null;
  return { title: c && e ? `${c.displayName} — ${e.title}` : "Candidate" };
}

export default async function CandidatePage({ params }: Params) {
  const { community, slug, id } = await params;
  const { election, actor, official } = await loadElection({ community, slug });
  const c = await prisma.candidacy.findFirst({ where: { id, electionId: election.id } });
  // Only accepted declarations are public; the author and officials see theirs in any state.
  if (!c || (c.status !== "ACCEPTED" && !official && (!actor || c.userId !== actor.id))) notFound();

  return (
    <article className="space-y-4">
      <BackToElection href={electionHref(community, slug)} title={election.title} />
      <h1 className={h1}>{c.displayName}</h1>
      {c.status !== "ACCEPTED" && (
        <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          This declaration is {c.status === "SUBMITTED" ? "waiting for the officials' review" : c.status.toLowerCase()}
          {c.status === "REJECTED" && c.rejectionReason ? ` — reason: ${withFullStop(c.rejectionReason)}` : "."} Only its author and the officials can see it.
        </p>
      )}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Affiliation</dt>
        <dd>{affiliationInWords(c.affiliation)}</dd>
        {c.platform && (
          <>
            <dt className="font-semibold">Platform / area</dt>
            <dd>{c.platform}</dd>
          </>
        )}
        {c.githubLogin && (
          <>
            <dt className="font-semibold">GitHub</dt>
            <dd>
              <a href={`https://github.com/${encodeURIComponent(c.githubLogin)}`} rel="nofollow noopener noreferrer" className={link}>
                @{c.githubLogin}
              </a>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="statement-h">
        <h2 id="statement-h" className={h2}>
          Statement
        </h2>
        <div className="mt-3">
          <Markdown text={c.statement} />
        </div>
      </section>
    </article>
  );
}
