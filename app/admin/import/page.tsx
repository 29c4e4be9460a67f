import Link from "next/link";
import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { h1, input, label, link } from "@/components/ui";
import { prisma } from "@/lib/db/client";
import { currentActor } from "@/app/_lib/election";
import { importKataFolderAction } from "./actions";
import { FolderFields } from "./FolderFields";

export const metadata: Metadata = { title: "Import a Kata Containers election" };

type Props = { searchParams: Promise<{ community?: string | string[] }> };

export default async function ImportPage({ searchParams }: Props) {
  const actor = await currentActor();
  const wanted = (await searchParams).community;
  // What to show only: the import itself refuses anyone but the chosen community's admins on the server.
  const communities = actor
    ? await prisma.community.findMany({ where: { admins: { some: { userId: actor.id } } }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } })
    : [];
  if (communities.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className={h1}>Import a Kata Containers election folder</h1>
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-4 text-red-900" data-testid="forbidden">
          Forbidden: only a community&apos;s admins can import elections into it.{" "}
          {!actor && (
            <Link href="/signin?callbackUrl=%2Fadmin%2Fimport" className={link}>
              Sign in
            </Link>
          )}
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <p>
        <Link href="/" className={link}>
          ← Home
        </Link>
      </p>
      <h1 className={h1}>Import a Kata Containers election folder</h1>
      <p className="max-w-2xl">
        Creates a <strong>draft</strong> election with the README&apos;s title, seats and dates, and one submitted declaration per candidate file. Nothing is
        public until you review the declarations and schedule it on the election&apos;s manage page, where the import takes you.
      </p>
      <ActionForm action={importKataFolderAction} submitLabel="Import election" pendingLabel="Importing…" ariaLabel="Import a Kata election folder" className="max-w-2xl space-y-4">
        <div>
          <label htmlFor="communityId" className={label}>
            Community
          </label>
          <select id="communityId" name="communityId" required defaultValue={communities.find((c) => c.slug === wanted)?.id} className={`${input} mt-1`}>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <FolderFields />
      </ActionForm>
    </div>
  );
}
