import Link from "next/link";
import { electionPhase } from "@/lib/elections/phase";
import { ActionForm } from "@/components/forms/ActionForm";
import { PhaseBadge } from "@/components/PhaseBadge";
import { btn, link, td, th } from "@/components/ui";
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
              {e.officials.length === 0 && "none yet"}
              <ul className="space-y-1">
                {e.officials.map((o) => {
                  const who = o.user.name ?? o.user.githubLogin ?? o.user.email ?? o.user.id;
                  return (
                    <li key={o.userId}>
                      <ActionForm
                        action={removeOfficial}
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
    </div>
  );
}
