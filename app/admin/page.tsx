import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { RoleHolders, personLabel } from "@/components/roles/RoleHolders";
import { AppointForm } from "@/components/roles/AppointForm";
import { h1, h2, hint, input, label, link, th, td } from "@/components/ui";
import { currentActor } from "@/app/_lib/election";
import { communityHref } from "@/app/_lib/paths";
import { appointCommunityAdminAction, createCommunityAction, removeCommunityAdminAction, revokeSessionsAction } from "./actions";

export const metadata: Metadata = { title: "Instance administration" };

/** The instance admins' page: communities and who runs them. What happens inside a community is its admins' work. */
export default async function InstanceAdminPage() {
  const actor = await currentActor();
  if (!actor?.isAdmin) {
    return (
      <div className="space-y-4">
        <h1 className={h1}>Instance administration</h1>
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-4 text-red-900" data-testid="forbidden">
          Forbidden: only the instance&apos;s administrators can create communities and appoint their admins.{" "}
          {!actor && (
            <Link href="/signin?callbackUrl=%2Fadmin" className={link}>
              Sign in
            </Link>
          )}
        </p>
      </div>
    );
  }

  const communities = await prisma.community.findMany({
    orderBy: { name: "asc" },
    include: {
      admins: { orderBy: { appointedAt: "asc" }, include: { user: { select: { name: true, githubLogin: true, email: true } } } },
      _count: { select: { elections: true } },
    },
  });

  return (
    <div className="space-y-8">
      <h1 className={h1}>Instance administration</h1>

      <section aria-labelledby="create-h">
        <h2 id="create-h" className={h2}>
          Create a community
        </h2>
        <ActionForm action={createCommunityAction} submitLabel="Create community" ariaLabel="Create a community" className="mt-3 max-w-2xl space-y-4">
          <div>
            <label htmlFor="name" className={label}>
              Name
            </label>
            <input id="name" name="name" required className={`${input} mt-1`} />
          </div>
          <div>
            <label htmlFor="slug" className={label}>
              Address
            </label>
            <input id="slug" name="slug" required pattern="[a-z0-9][a-z0-9\-]*" aria-describedby="slug-hint" className={`${input} mt-1`} />
            <p id="slug-hint" className={hint}>
              The part after /c/, e.g. <code>kata-containers</code>. It is in every link to the community&apos;s elections and cannot change later.
            </p>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="appoint-h">
        <h2 id="appoint-h" className={h2}>
          Appoint a community admin
        </h2>
        <p className={hint}>Community admins create their community&apos;s elections and appoint the officials who run them.</p>
        <AppointForm
          action={appointCommunityAdminAction}
          title="Appoint a community admin"
          submitLabel="Appoint admin"
          field="communityId"
          placeLabel="Community"
          places={communities.map((c) => ({ value: c.id, label: `${c.name} (${c.slug})` }))}
          hint="The person must have signed in once."
        />
      </section>

      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h" className={h2}>
          End a person&apos;s sessions
        </h2>
        <p className={hint}>Signs them out on every device at once (a lost laptop, a removed official). They can sign in again.</p>
        <ActionForm action={revokeSessionsAction} submitLabel="End sessions" ariaLabel="End a person's sessions" confirm="Sign this person out everywhere?" className="mt-3 max-w-2xl space-y-4">
          <div>
            <label htmlFor="revoke-login" className={label}>
              GitHub login or email
            </label>
            <input id="revoke-login" name="login" required className={`${input} mt-1`} />
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="communities-h">
        <h2 id="communities-h" className={h2}>
          Communities
        </h2>
        <p className={hint}>
          Everyone sees them on the public <Link href="/communities" className={link}>communities page</Link>.
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Every community on this instance with its admins</caption>
            <thead>
              <tr>
                {["Community", "Elections", "Admins"].map((h) => (
                  <th key={h} scope="col" className={th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {communities.map((c) => (
                <tr key={c.id}>
                  <td className={td}>
                    <Link href={communityHref(c.slug)} className={link}>
                      {c.name}
                    </Link>
                  </td>
                  <td className={td}>{c._count.elections}</td>
                  <td className={td}>
                    <RoleHolders
                      holders={c.admins.map((a) => ({ userId: a.userId, name: personLabel(a.user, a.userId) }))}
                      remove={removeCommunityAdminAction}
                      scope={["communityId", c.id]}
                      role={`an admin of ${c.name}`}
                      consequence="They lose their powers there at once."
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
