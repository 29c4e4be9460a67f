import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/client";
import { communityHref } from "@/app/_lib/paths";
import { link } from "@/components/ui";
import { myPendingActions } from "@/app/_lib/pending-actions";
import { NeedsYouLink } from "./NeedsYou";

/**
 * The header's places: communities for everyone, one's own elections when
 * signed in, the administration pages this person holds a role on, and what
 * waits on them ("Needs you", with counts). The links only help; every admin
 * page checks the role again.
 */
export async function SiteNav() {
  const actor = await getActor();
  const [pending, administered] = await Promise.all([
    myPendingActions(),
    actor
      ? prisma.communityAdmin.findMany({ where: { userId: actor.id }, select: { community: { select: { slug: true, name: true } } }, orderBy: { community: { name: "asc" } } })
      : [],
  ]);
  return (
    <nav aria-label="Main" className="text-sm">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {pending.total > 0 && (
          <li>
            <NeedsYouLink pending={pending} />
          </li>
        )}
        <li>
          <Link href="/communities" className={link}>
            Communities
          </Link>
        </li>
        {actor && (
          <li>
            <Link href="/my/elections" className={link}>
              My elections
            </Link>
          </li>
        )}
        {actor?.isAdmin && (
          <li>
            <Link href="/admin" className={link}>
              Administration
            </Link>
          </li>
        )}
        {administered.map(({ community: c }) => (
          <li key={c.slug}>
            <Link href={communityHref(c.slug, "/admin")} className={link}>
              Administer {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
