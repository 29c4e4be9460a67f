// "Needs you": everything waiting on the signed-in person, across communities
// and roles, for the header and the home page. Display only: it authorizes
// nothing (each linked page checks again). A fixed number of queries whatever
// the number of elections, so the header can afford it on every page.
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/auth/permissions";
import { rollEntryWhere } from "@/lib/electorate/check-eligibility";
import { areNominationsOpen, electionPhase, isVotingOpen } from "@/lib/elections/phase";
import { exceptionDecisionLockReason, exceptionRequestRefusal, repeatRequestRefusal, reviewLockReason } from "@/lib/elections/lifecycle-rules";
import { communityHref, electionHref } from "@/app/_lib/paths";

export type PendingKind = "vote" | "declare" | "exception" | "manage" | "admin";

/** The order kinds are listed in: what only this person can do, and soonest lost, first. */
export const PENDING_KINDS: readonly PendingKind[] = ["vote", "declare", "exception", "manage", "admin"];

export interface PendingItem {
  kind: PendingKind;
  /** Unique within the list (React key, test hook). */
  key: string;
  /** What to do, in words ("Vote", "Review 2 declarations", …). */
  action: string;
  /** What it is about: an election's title or a community's name. */
  subject: string;
  /** The community, when the subject is an election. */
  community: string | null;
  /** Straight to the page where it is done. */
  href: string;
  /** When it can no longer be done, if that matters. */
  due: Date | null;
}

export interface PendingActions {
  items: PendingItem[];
  counts: Record<PendingKind, number>;
  total: number;
}

const NONE: PendingActions = { items: [], counts: { vote: 0, declare: 0, exception: 0, manage: 0, admin: 0 }, total: 0 };

const REF = { id: true, slug: true, title: true, community: { select: { slug: true, name: true } } } as const;
const SCHEDULE = { state: true, nominationsOpenAt: true, nominationsCloseAt: true, votingOpenAt: true, votingCloseAt: true } as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What waits on this person now:
 * - vote: elections open for voting whose roll names them and they have not voted in;
 * - declare: elections taking declarations whose roll names them (the conservative
 *   reading of "eligible"), where they have no declaration and are not an official;
 * - exception: their latest request per election when it is pending, or denied with
 *   a note while they may still ask again;
 * - manage: per election they are an official of, each step waiting on them
 *   (declarations to review, exception requests to decide, voting ended but not
 *   closed, votes to count, results to publish, a draft to finish);
 * - admin: the communities they administer, and the instance page for instance admins.
 */
export async function pendingActions(db: Db, actor: Actor | null, now: Date = new Date()): Promise<PendingActions> {
  if (!actor) return NONE;
  const onRoll = rollEntryWhere(actor);
  const [toVote, toDeclare, requests, managed, administered] = await Promise.all([
    onRoll
      ? db.election.findMany({
          where: { state: "SCHEDULED", votingOpenAt: { lte: now }, votingCloseAt: { gt: now }, electorate: { some: onRoll }, participations: { none: { userId: actor.id } } },
          select: { ...REF, ...SCHEDULE },
          orderBy: [{ votingCloseAt: "asc" }, { title: "asc" }],
        })
      : [],
    onRoll
      ? db.election.findMany({
          where: {
            state: "SCHEDULED",
            nominationsOpenAt: { lte: now },
            nominationsCloseAt: { gt: now },
            electorate: { some: onRoll },
            officials: { none: { userId: actor.id } },
            candidacies: { none: { OR: [{ userId: actor.id }, ...(actor.githubLogin ? [{ githubLogin: { equals: actor.githubLogin, mode: "insensitive" as const } }] : [])] } },
          },
          select: { ...REF, ...SCHEDULE },
          orderBy: [{ nominationsCloseAt: "asc" }, { title: "asc" }],
        })
      : [],
    db.exceptionRequest.findMany({
      where: { userId: actor.id, election: { state: "SCHEDULED" } },
      select: { electionId: true, attempt: true, status: true, decisionNote: true, election: { select: { ...REF, state: true, votingCloseAt: true } } },
      orderBy: [{ electionId: "asc" }, { attempt: "desc" }],
    }),
    db.election.findMany({
      where: { officials: { some: { userId: actor.id } }, state: { in: ["DRAFT", "SCHEDULED", "CLOSED", "TALLIED"] } },
      select: {
        ...REF,
        ...SCHEDULE,
        _count: { select: { candidacies: { where: { status: "SUBMITTED" } }, exceptionRequests: { where: { status: "PENDING" } } } },
      },
      orderBy: [{ title: "asc" }],
    }),
    db.communityAdmin.findMany({ where: { userId: actor.id }, select: { community: { select: { slug: true, name: true } } }, orderBy: { community: { name: "asc" } } }),
  ]);

  const items: PendingItem[] = [];
  const about = (e: { title: string; community: { name: string } }) => ({ subject: e.title, community: e.community.name });

  // The queries narrow; the phase rules (shared with the ballot box and the declaration form) decide.
  for (const e of toVote.filter((e) => isVotingOpen(e, now))) {
    items.push({ kind: "vote", key: `vote-${e.id}`, action: "Vote", ...about(e), href: electionHref(e.community.slug, e.slug, "/vote"), due: e.votingCloseAt });
  }
  for (const e of toDeclare.filter((e) => areNominationsOpen(e, now))) {
    items.push({ kind: "declare", key: `declare-${e.id}`, action: "Stand for election", ...about(e), href: electionHref(e.community.slug, e.slug, "/declare"), due: e.nominationsCloseAt });
  }

  const seen = new Set<string>();
  for (const r of requests) {
    if (seen.has(r.electionId)) continue; // rows come latest attempt first per election
    seen.add(r.electionId);
    const e = r.election;
    const href = electionHref(e.community.slug, e.slug, "/exception");
    if (r.status === "PENDING") {
      items.push({ kind: "exception", key: `exception-${e.id}`, action: "Your exception request awaits the officials", ...about(e), href, due: null });
    } else if (r.status === "DENIED" && r.decisionNote && !exceptionRequestRefusal(e, now) && !repeatRequestRefusal(r)) {
      items.push({ kind: "exception", key: `exception-${e.id}`, action: "Your exception request was denied: read the officials' note", ...about(e), href, due: e.votingCloseAt });
    }
  }

  for (const e of managed) {
    const manage = (step: string, action: string) =>
      items.push({ kind: "manage", key: `manage-${step || "overview"}-${e.id}`, action, ...about(e), href: electionHref(e.community.slug, e.slug, `/manage${step}`), due: null });
    const { candidacies: submitted, exceptionRequests: pending } = e._count;
    if (e.state === "DRAFT") manage("", "Finish setting up and open the election");
    if (submitted > 0 && !reviewLockReason(e, now)) manage("/nominations", `Review ${plural(submitted, "declaration", "declarations")}`);
    if (pending > 0 && !exceptionDecisionLockReason(e)) manage("/exceptions", `Decide ${plural(pending, "exception request", "exception requests")}`);
    if (electionPhase(e, now) === "awaiting-close") manage("/close", "Voting has ended: close it");
    if (e.state === "CLOSED") manage("/tally", "Count the votes");
    if (e.state === "TALLIED") manage("/tally", "Review and publish the results");
  }

  for (const { community: c } of administered) {
    items.push({ kind: "admin", key: `admin-${c.slug}`, action: "Administer the community", subject: c.name, community: null, href: communityHref(c.slug, "/admin"), due: null });
  }
  if (actor.isAdmin) {
    items.push({ kind: "admin", key: "admin-instance", action: "Administer this instance", subject: "Communities and their admins", community: null, href: "/admin", due: null });
  }

  const counts = { ...NONE.counts };
  for (const i of items) counts[i.kind] += 1;
  return { items, counts, total: items.length };
}
