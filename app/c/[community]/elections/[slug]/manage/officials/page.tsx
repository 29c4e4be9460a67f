import Link from "next/link";
import { ManageShell } from "@/components/manage/ManageShell";
import { card, hint, link } from "@/components/ui";
import { LocalTime } from "@/components/LocalTime";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { communityHref } from "@/app/_lib/paths";

export const generateMetadata = manageMetadata("officials");

export default async function OfficialsPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "officials");
  if (!m.ok) return m.forbidden;
  const { officials, communityAdmin, election } = m;
  return (
    <ManageShell m={m} current="officials" heading={`Officials (${officials.length})`}>
      <ul className="mt-3 space-y-2" data-testid="officials-list">
        {officials.map((o) => (
          <li key={o.userId} className={`${card} break-words`}>
            <strong>{o.user.name ?? o.user.githubLogin ?? o.user.email}</strong>
            {o.user.githubLogin && ` · @${o.user.githubLogin}`}
            {o.user.email && ` · ${o.user.email}`}
            <span className="block text-sm text-gray-700">
              Appointed <LocalTime iso={o.appointedAt.toISOString()} />
            </span>
          </li>
        ))}
      </ul>
      <p className={hint}>
        The community's admins appoint and remove officials
        {communityAdmin ? (
          <>
            {" "}
            on the{" "}
            <Link href={communityHref(election.community.slug, "/admin")} className={link}>
              community admin page
            </Link>
          </>
        ) : null}
        . A removed official loses access at their next request.
      </p>
    </ManageShell>
  );
}
