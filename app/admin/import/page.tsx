import Link from "next/link";
import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { h1, link } from "@/components/ui";
import { currentActor } from "@/app/_lib/election";
import { importKataFolderAction } from "./actions";
import { FolderFields } from "./FolderFields";

export const metadata: Metadata = { title: "Import a Kata Containers election" };

export default async function ImportPage() {
  const actor = await currentActor();
  // What to show only: the import itself refuses non-admins on the server.
  if (!actor?.isAdmin) {
    return (
      <div className="space-y-4">
        <h1 className={h1}>Import a Kata Containers election folder</h1>
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-4 text-red-900" data-testid="forbidden">
          Forbidden: only the instance&apos;s administrators can import elections.{" "}
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
        <Link href="/admin" className={link}>
          ← Administration
        </Link>
      </p>
      <h1 className={h1}>Import a Kata Containers election folder</h1>
      <p className="max-w-2xl">
        Creates a <strong>draft</strong> election with the README&apos;s title, seats and dates, and one submitted declaration per candidate file. Nothing is
        public until you review the declarations and schedule it on the election&apos;s manage page, where the import takes you.
      </p>
      <ActionForm action={importKataFolderAction} submitLabel="Import election" pendingLabel="Importing…" ariaLabel="Import a Kata election folder" className="max-w-2xl space-y-4">
        <FolderFields />
      </ActionForm>
    </div>
  );
}
