import Link from "next/link";
import { electionPhase } from "@/lib/elections/phase";
import { RoleHolders, personLabel } from "@/components/roles/RoleHolders";
import { PhaseBadge } from "@/components/PhaseBadge";
import { link, td, th } from "@/components/ui";
import type { ActionState } from "@/app/_lib/action-state";
import { electionHref } from "@/app/_lib/paths";
import type { Schedule } from "@/lib/elections/phase";

interface Row extends Schedule {
  id: string;
  slug: string;
  title: string;
  officials: { userId: string; user: { name: string | null; githubLogin: string | null; email: string | null; id: string } }[];
}

/** The community's elections with their officials, each removable by the community's admins. */
export function CommunityElectionsTable({
  communitySlug,
  elections,
  removeOfficial,
}: {
  communitySlug: string;
  elections: Row[];
  removeOfficial: (prev: ActionState, fd: FormData) => Promise<ActionState>;
}) {
  if (elections.length === 0) return <p className="mt-2 text-gray-800">No elections yet: create the first one above.</p>;
  return (
    <div className="mt-3 overflow-x-auto">
    <table className="w-full border-collapse text-sm">
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
              <Link href={electionHref(communitySlug, e.slug)} className={link}>
                {e.title}
              </Link>{" "}
              ·{" "}
              <Link href={electionHref(communitySlug, e.slug, "/manage")} className={link}>
                manage<span className="sr-only"> {e.title}</span>
              </Link>
            </td>
            <td className={td}>
              <PhaseBadge phase={electionPhase(e)} />
            </td>
            <td className={td}>
              <RoleHolders
                holders={e.officials.map((o) => ({ userId: o.userId, name: personLabel(o.user, o.userId) }))}
                remove={removeOfficial}
                scope={["electionId", e.id]}
                role={`an official of ${e.title}`}
                consequence="They lose access to it at once."
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
