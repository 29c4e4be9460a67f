import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/client";
import { communityHref } from "@/app/_lib/paths";
import { link } from "@/components/ui";

/**
 * The header's places: communities for everyone, one's own elections when
 * signed in, and the administration pages this person holds a role on. The
 * links only help; every admin page checks the role again.
 */
export async function SiteNav() {
  const actor = await getActor();
  const administered = actor
    ? await prisma.communityAdmin.findMany({ where: { userId: actor.id }, select: { community: { select: { slug: true, name: true } } }, orderBy: { community: { name: "asc" } } })
    : [];
  return (
    <nav aria-label="Main" className="text-sm">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
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
