import Link from "next/link";
import { ManageShell } from "@/components/manage/ManageShell";
import { AppointForm } from "@/components/roles/AppointForm";
import { personLabel } from "@/components/roles/RoleHolders";
import { DecisionForm, DecisionPanel } from "@/components/manage/DecisionPanel";
import { btn, card, h3, hint, link } from "@/components/ui";
import { LocalTime } from "@/components/LocalTime";
import { loadManagedElection, manageMetadata } from "@/app/_lib/manage";
import { communityHref } from "@/app/_lib/paths";
import { appointOfficialHereAction, removeOfficialHereAction } from "../actions";

export const generateMetadata = manageMetadata("officials");

const OVER = ["PUBLISHED", "CANCELLED"];

export default async function OfficialsPage({ params }: { params: Promise<{ community: string; slug: string }> }) {
  const m = await loadManagedElection(await params, "officials");
  if (!m.ok) return m.forbidden;
  const { officials, communityAdmin, election, actor } = m;
  const holders = officials.map((o) => ({ userId: o.userId, name: personLabel(o.user, "official") }));
  // Removing is allowed in every state (taking a role away is never unsafe); the confirmation says what it leaves behind.
  const consequenceFor = ({ userId }: { userId: string }) => {
    if (officials.length === 1) return "They are its only official: nobody will run it until you appoint another.";
    if (userId === actor?.id) return "You will no longer run it yourself (you stay an admin of the community).";
    return null;
  };
  return (
    <ManageShell m={m} current="officials" heading={`Officials of ${election.title} (${officials.length})`}>
      <ul className="mt-3 space-y-2" data-testid="officials-list">
        {officials.map((o) => (
          <li key={o.userId} className={`${card} break-words`}>
            <strong>{personLabel(o.user, "official")}</strong>
            {o.user.githubLogin && ` · @${o.user.githubLogin}`}
            {o.user.email && ` · ${o.user.email}`}
            <span className="block text-sm text-gray-700">
              Appointed <LocalTime iso={o.appointedAt.toISOString()} />
            </span>
          </li>
        ))}
      </ul>
      {communityAdmin ? (
        <>
          <section aria-labelledby="remove-h" className="mt-6">
            <h3 id="remove-h" className={h3}>
              Remove an official
            </h3>
            <p className={hint}>A removed official loses access at their next request. Removing is possible in every state of the election.</p>
            {/* One panel for the list, so the confirmation stays after the removed person's row goes. */}
            <DecisionPanel action={removeOfficialHereAction.bind(null, election.id, m.base)} className="mt-2 space-y-2">
              {holders.length === 0 ? (
                <p>None yet.</p>
              ) : (
                <ul className="space-y-1" data-testid="officials-remove">
                  {holders.map((h) => (
                    <li key={h.userId}>
                      <DecisionForm
                        ariaLabel={`Remove ${h.name} as an official of ${election.title}`}
                        confirm={`Remove ${h.name} as an official of ${election.title}? ${consequenceFor(h) ?? "They lose access to it at once."}`}
                        className="flex flex-wrap items-center gap-2"
                      >
                        <span>{h.name}</span>
                        <input type="hidden" name="electionId" value={election.id} />
                        <input type="hidden" name="userId" value={h.userId} />
                        <input type="hidden" name="name" value={h.name} />
                        <button type="submit" className={btn}>
                          Remove<span className="sr-only"> {h.name}</span>
                        </button>
                      </DecisionForm>
                    </li>
                  ))}
                </ul>
              )}
            </DecisionPanel>
          </section>
          <section aria-labelledby="appoint-h" className="mt-6">
            <h3 id="appoint-h" className={h3}>
              Appoint an official of {election.title}
            </h3>
            {OVER.includes(election.state) ? (
              <p className={hint}>This election is over: nobody more can be appointed to run it.</p>
            ) : (
              <AppointForm
                action={appointOfficialHereAction.bind(null, election.id, m.base)}
                title={`Appoint an official of ${election.title}`}
                submitLabel="Appoint official"
                field="electionId"
                placeLabel="Election"
                places={[]}
                fixedPlace={election.id}
                hint="Their GitHub login as shown in Hustings (@login) or their email. They must have signed in once; a candidate in this election cannot be one of its officials."
              />
            )}
          </section>
        </>
      ) : (
        <p className={hint}>
          The admins of {election.community.name} appoint and remove officials. A removed official loses access at their next request.
        </p>
      )}
      {communityAdmin && (
        <p className={`${hint} mt-4`}>
          The{" "}
          <Link href={communityHref(election.community.slug, "/admin")} className={link}>
            community admin page
          </Link>{" "}
          lists the officials of every election of {election.community.name}.
        </p>
      )}
    </ManageShell>
  );
}
