import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { electionPhase } from "@/lib/elections/phase";
import { ActionForm } from "@/components/forms/ActionForm";
import { PhaseBadge } from "@/components/PhaseBadge";
import { ElectionRulesFields } from "@/components/forms/ElectionRulesFields";
import { btn, h1, h2, hint, input, label, link, th, td } from "@/components/ui";
import { currentActor } from "@/app/_lib/election";
import { appointOfficialAction, createElectionAction, removeOfficialAction } from "./actions";
import { communityHref, electionHref } from "@/app/_lib/paths";
import { isCommunityAdminOf } from "@/app/_lib/election";
import { notFound } from "next/navigation";

type Params = { params: Promise<{ community: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const c = await prisma.community.findUnique({ where: { slug: (await params).community }, select: { name: true } });
  return { title: c ? `Administration: ${c.name}` : "Administration" };
}

export default async function CommunityAdminPage({ params }: Params) {
  const { community: slug } = await params;
  const [community, actor] = await Promise.all([prisma.community.findUnique({ where: { slug } }), currentActor()]);
  if (!community) notFound();
  if (!(await isCommunityAdminOf(actor?.id, community.id))) {
    return (
      <div className="space-y-4">
        <h1 className={h1}>Administration</h1>
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-4 text-red-900" data-testid="forbidden">
          Forbidden: only the admins of {community.name} can create its elections and appoint their officials.{" "}
          {!actor && (
            <Link href={`/signin?callbackUrl=${encodeURIComponent(communityHref(slug, "/admin"))}`} className={link}>
              Sign in
            </Link>
          )}
        </p>
      </div>
    );
  }

  const elections = await prisma.election.findMany({
    where: { communityId: community.id },
    orderBy: { createdAt: "desc" },
    include: { officials: { orderBy: { appointedAt: "asc" }, include: { user: { select: { id: true, name: true, githubLogin: true, email: true } } } } },
  });

  return (
    <div className="space-y-8">
      <h1 className={h1}>Administration: {community.name}</h1>

      <section aria-labelledby="create-h">
        <h2 id="create-h" className={h2}>
          Create an election
        </h2>
        <p className={hint}>
          Or <Link href={`/admin/import?community=${slug}`} className={link}>import a Kata Containers election folder</Link> as a draft.
        </p>
        <ActionForm action={createElectionAction.bind(null, community.id)} submitLabel="Create election" ariaLabel="Create an election" className="mt-3 max-w-2xl space-y-4">
          <div>
            <label htmlFor="title" className={label}>
              Title
            </label>
            <input id="title" name="title" required className={`${input} mt-1`} />
          </div>
          <div>
            <label htmlFor="slug" className={label}>
              Address (optional)
            </label>
            <input id="slug" name="slug" pattern="[a-z0-9][a-z0-9\-]*" aria-describedby="slug-hint" className={`${input} mt-1`} />
            <p id="slug-hint" className={hint}>
              The part after {communityHref(slug, "/elections/")}, e.g. <code>kata-ac-2026-h1</code>. Derived from the title when empty.
            </p>
          </div>
          <div>
            <label htmlFor="description" className={label}>
              Description (Markdown, optional)
            </label>
            <textarea id="description" name="description" rows={3} className={`${input} mt-1`} />
          </div>
          <ElectionRulesFields defaults={{ seats: community.defaultSeats, method: community.defaultMethod, unranked: community.defaultUnranked, maxPerAffiliation: community.defaultMaxPerAffiliation }} />
        </ActionForm>
      </section>

      <section aria-labelledby="appoint-h">
        <h2 id="appoint-h" className={h2}>
          Appoint an official
        </h2>
        <ActionForm action={appointOfficialAction} submitLabel="Appoint official" ariaLabel="Appoint an official" className="mt-3 max-w-2xl space-y-4">
          <div>
            <label htmlFor="electionId" className={label}>
              Election
            </label>
            <select id="electionId" name="electionId" required className={`${input} mt-1`}>
              {elections.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.slug})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="login" className={label}>
              GitHub login or email
            </label>
            <input id="login" name="login" required aria-describedby="login-hint" className={`${input} mt-1`} />
            <p id="login-hint" className={hint}>
              The person must have signed in once. A candidate in the election cannot be one of its officials.
            </p>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="elections-h">
        <h2 id="elections-h" className={h2}>
          Elections of {community.name}
        </h2>
        <table className="mt-3 w-full border-collapse text-sm">
          <caption className="sr-only">Every election of this community with its officials</caption>
          <thead>
            <tr>
              {["Election", "Phase", "Officials"].map((h) => (
                <th key={h} scope="col" className={th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {elections.map((e) => (
              <tr key={e.id}>
                <td className={td}>
                  <Link href={electionHref(slug, e.slug)} className={link}>
                    {e.title}
                  </Link>{" "}
                  ·{" "}
                  <Link href={electionHref(slug, e.slug, "/manage")} className={link}>
                    manage<span className="sr-only"> {e.title}</span>
                  </Link>
                </td>
                <td className={td}>
                  <PhaseBadge phase={electionPhase(e)} />
                </td>
                <td className={td}>
                  {e.officials.length === 0 && "none yet"}
                  <ul className="space-y-1">
                    {e.officials.map((o) => {
                      const who = o.user.name ?? o.user.githubLogin ?? o.user.email ?? o.user.id;
                      return (
                        <li key={o.userId}>
                          <ActionForm
                            action={removeOfficialAction}
                            submitLabel="Remove"
                            pendingLabel="Removing…"
                            confirm={`Remove ${who} as an official of ${e.title}? They lose access to it at once.`}
                            ariaLabel={`Remove ${who} as an official of ${e.title}`}
                            className="flex flex-wrap items-center gap-2"
                            buttonClassName={btn}
                          >
                            <span>{who}</span>
                            <input type="hidden" name="electionId" value={e.id} />
                            <input type="hidden" name="userId" value={o.userId} />
                            <input type="hidden" name="name" value={who} />
                          </ActionForm>
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
