import type { Metadata } from "next";
import Link from "next/link";
import { prisma } from "@/lib/db/client";
import { lifecycleChecklist } from "@/lib/elections/lifecycle-checklist";
import { checklistFacts } from "@/lib/elections/checklist-facts";
import { h1, link } from "@/components/ui";
import { loadElection, visibleElection, type ElectionAddress } from "./election";
import { electionHref } from "./paths";

// The one guard of every page of the official's dashboard. Pages call it
// rather than a shared layout deciding: a layout is not re-run on every
// navigation, and a page rendered beside a refusing layout would still send
// its data. The use cases authorize every write again on the server.

/** `path` is the sub-page after `/manage` ("" for the dashboard), for the sign-in link's way back. */
export async function loadManagedElection(address: ElectionAddress, path = "") {
  const { election, actor, official, communityAdmin, canManage, phase } = await loadElection(address);
  const base = electionHref(address.community, address.slug);
  if (!canManage) {
    const back = `${base}/manage${path ? `/${path}` : ""}`;
    return {
      ok: false as const,
      forbidden: (
        <div className="space-y-4">
          <h1 className={h1}>Official dashboard</h1>
          <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-4 text-red-900" data-testid="forbidden">
            Forbidden: only the officials of {election.title} can manage it.{" "}
            {!actor && (
              <Link href={`/signin?callbackUrl=${encodeURIComponent(back)}`} className={link}>
                Sign in
              </Link>
            )}
          </p>
        </div>
      ),
    };
  }
  const now = new Date();
  const [facts, officials] = await Promise.all([
    checklistFacts(prisma, election, now),
    prisma.official.findMany({
      where: { electionId: election.id },
      orderBy: { appointedAt: "asc" },
      include: { user: { select: { id: true, name: true, githubLogin: true, email: true } } },
    }),
  ]);
  return { ok: true as const, election, actor, official, communityAdmin, phase, base, now, facts, steps: lifecycleChecklist(facts), officials };
}

export type ManagedElection = Extract<Awaited<ReturnType<typeof loadManagedElection>>, { ok: true }>;

/** Every sub-page of the dashboard, so an action can refresh them all. */
export const MANAGE_PAGES = ["", "rules", "schedule", "electorate", "nominations", "exceptions", "close", "tally", "officials", "audit", "cancel"] as const;
export type ManagePage = (typeof MANAGE_PAGES)[number];

/** The page title of a dashboard sub-page; the election is named only if this visitor may see it (visibleElection). */
export function manageMetadata(what: string) {
  return async function generateMetadata({ params }: { params: Promise<ElectionAddress> }): Promise<Metadata> {
    const e = await visibleElection(await params);
    return { title: e ? `Official dashboard, ${what}: ${e.title}` : "Official dashboard" };
  };
}
