import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { ActionForm } from "@/components/forms/ActionForm";
import { ElectionRulesFields } from "@/components/forms/ElectionRulesFields";
import { CommunityProfileForm } from "@/components/communities/CommunityProfileForm";
import { CommunityLogoForm } from "@/components/communities/CommunityLogoForm";
import { CommunityAdminsList } from "@/components/communities/CommunityAdminsList";
import { CommunityAuditLog } from "@/components/communities/CommunityAuditLog";
import { CommunityElectionsTable } from "@/components/communities/CommunityElectionsTable";
import { AppointForm } from "@/components/roles/AppointForm";
import { h1, h2, hint, input, label, link } from "@/components/ui";
import { currentActor, isCommunityAdminOf } from "@/app/_lib/election";
import { communityAuditEntries, communityBySlug } from "@/app/_lib/community";
import { communityHref } from "@/app/_lib/paths";
import {
  appointOfficialAction,
  createElectionAction,
  removeCommunityLogoAction,
  removeOfficialAction,
  setCommunityLogoAction,
  updateCommunityAction,
} from "./actions";

type Params = { params: Promise<{ community: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const c = await communityBySlug((await params).community);
  return { title: c ? `Administration: ${c.name}` : "Administration" };
}

/**
 * The community's admins run it here: its profile and defaults, its logo, its
 * elections and their officials. An instance admin who is not one of them may
 * edit the profile (they created the community) but not act inside it.
 */
export default async function CommunityAdminPage({ params }: Params) {
  const { community: slug } = await params;
  const [community, actor] = await Promise.all([communityBySlug(slug), currentActor()]);
  if (!community) notFound();
  const communityAdmin = await isCommunityAdminOf(actor?.id, community.id);
  if (!communityAdmin && !actor?.isAdmin) {
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

  const [elections, admins, audit] = await Promise.all([
    communityAdmin
      ? prisma.election.findMany({
          where: { communityId: community.id },
          orderBy: { createdAt: "desc" },
          include: { officials: { orderBy: { appointedAt: "asc" }, include: { user: { select: { id: true, name: true, githubLogin: true, email: true } } } } },
        })
      : [],
    prisma.communityAdmin.findMany({ where: { communityId: community.id }, orderBy: { appointedAt: "asc" }, include: { user: { select: { name: true, githubLogin: true, email: true } } } }),
    communityAuditEntries(community.id),
  ]);

  return (
    <div className="space-y-8">
      <h1 className={h1}>Administration: {community.name}</h1>
      <p className="text-sm">
        <Link href={communityHref(slug)} className={link}>
          The community&apos;s public page
        </Link>
      </p>
      {!communityAdmin && (
        <p className="rounded-md border border-blue-800 bg-blue-50 p-4 text-blue-950" data-testid="instance-admin-note">
          You administer this instance, not {community.name}: you may edit its profile and logo. Its elections and officials are for its admins, whom you appoint on the{" "}
          <Link href="/admin" className={link}>
            instance page
          </Link>
          .
        </p>
      )}

      <section aria-labelledby="profile-h">
        <h2 id="profile-h" className={h2}>
          Profile and default rules
        </h2>
        <CommunityProfileForm community={community} action={updateCommunityAction.bind(null, community.id)} />
      </section>

      <section aria-labelledby="logo-h">
        <h2 id="logo-h" className={h2}>
          Logo
        </h2>
        <CommunityLogoForm community={community} upload={setCommunityLogoAction.bind(null, community.id)} remove={removeCommunityLogoAction.bind(null, community.id)} />
      </section>

      {communityAdmin && (
        <>
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
        <AppointForm
          action={appointOfficialAction}
          title="Appoint an official"
          submitLabel="Appoint official"
          field="electionId"
          placeLabel="Election"
          places={elections.map((e) => ({ value: e.id, label: `${e.title} (${e.slug})` }))}
          hint="Their GitHub login as shown in Hustings (@login) or their email. They must have signed in once; a candidate in the election cannot be one of its officials."
        />
      </section>

      <section aria-labelledby="elections-h">
        <h2 id="elections-h" className={h2}>
          Elections of {community.name}
        </h2>
        <CommunityElectionsTable communitySlug={slug} elections={elections} removeOfficial={removeOfficialAction} />
      </section>
        </>
      )}

      <section aria-labelledby="admins-h">
        <h2 id="admins-h" className={h2}>
          Admins of {community.name}
        </h2>
        <p className={hint}>Appointed and removed by the instance&apos;s administrators.</p>
        <CommunityAdminsList admins={admins} />
      </section>

      <section aria-labelledby="audit-h">
        <h2 id="audit-h" className={h2}>
          Recent changes
        </h2>
        <p className={hint}>Role changes and edits of this community and its elections&apos; officials, from the audit log.</p>
        <CommunityAuditLog entries={audit} />
      </section>
    </div>
  );
}
