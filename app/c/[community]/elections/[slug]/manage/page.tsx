import type { Metadata } from "next";
import { LocalTime } from "@/components/LocalTime";
import { ManageShell } from "@/components/manage/ManageShell";
import { ChecklistView } from "@/components/manage/ChecklistView";
import { visibleElection } from "@/app/_lib/election";
import { loadManagedElection } from "@/app/_lib/manage";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? `Official dashboard: ${e.title}` : "Official dashboard" };
}

export default async function ManagePage({ params }: Params) {
  const m = await loadManagedElection(await params);
  if (!m.ok) return m.forbidden;
  const { election, phase, facts } = m;
  const when = (d: Date | null) => (d ? <LocalTime iso={d.toISOString()} /> : "not set");
  return (
    <ManageShell m={m} current="" heading="Lifecycle checklist">
      <p className="mt-2 text-gray-800" data-testid="next-step">
        {phase === "draft" && "Only officials and admins can see this draft. Set the schedule, then open the election."}
        {phase === "upcoming" && <>Nominations open {when(election.nominationsOpenAt)}.</>}
        {phase === "nominations" && <>Nominations are open until {when(election.nominationsCloseAt)}. Voting opens {when(election.votingOpenAt)}.</>}
        {phase === "campaign" && <>Nominations have closed. Voting opens {when(election.votingOpenAt)}.</>}
        {phase === "voting" && <>Voting is open until {when(election.votingCloseAt)}. You can close it early, or extend it under Schedule.</>}
        {phase === "awaiting-close" && <>Voting ended {when(election.votingCloseAt)} and no more ballots are accepted. Close voting to count them.</>}
        {phase === "closed" && "Voting is closed. Tally the ballots, then review the result before publishing it."}
        {phase === "tallied" && "Counted. Review the result, then publish it."}
        {phase === "published" && "The results are published."}
        {phase === "cancelled" && "This election was cancelled."}
      </p>
      <p className="mt-2 text-gray-800" data-testid="turnout-so-far">
        Electorate: {facts.electorate}. Voted so far: {facts.participations}. Ballots stored: {facts.ballots}.
      </p>
      <ChecklistView base={`${m.base}/manage`} steps={m.steps} />
    </ManageShell>
  );
}
