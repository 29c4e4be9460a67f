import Link from "next/link";
import type { Committee } from "@/lib/communities/committee-members";
import { electionHref } from "@/app/_lib/paths";
import { card, h3, hint, link } from "@/components/ui";

/** Each committee's current members, with the election their term comes from. */
export function CommitteeList({ communitySlug, committees }: { communitySlug: string; committees: Committee[] }) {
  if (committees.length === 0) return <p className="mt-2 text-gray-800">No published results yet, so no members to show.</p>;
  return (
    <div className="mt-3 grid gap-4 sm:grid-cols-2">
      {committees.map((c) => (
        <section key={c.name} className={card} aria-label={c.name} data-testid="committee">
          <h3 className={h3}>{c.name}</h3>
          <ul className="mt-2 space-y-1">
            {c.members.map((m, i) => (
              <li key={`${m.kind}-${i}`} className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium text-gray-950">{m.name}</span>
                {m.affiliation && <span className="text-sm text-gray-700">{m.affiliation}</span>}
                {m.kind === "continuing" && <span className="text-sm text-gray-700">(continuing term)</span>}
              </li>
            ))}
            {c.members.length === 0 && <li className="text-gray-800">Nobody was elected.</li>}
          </ul>
          <p className={hint}>
            Elected in{" "}
            <Link href={electionHref(communitySlug, c.source.slug, "/results")} className={link}>
              {c.source.title}
            </Link>
            .
          </p>
        </section>
      ))}
    </div>
  );
}
