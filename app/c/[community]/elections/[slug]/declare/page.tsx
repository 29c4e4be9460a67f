import Link from "next/link";
import type { Metadata } from "next";
import { prisma } from "@/lib/db/client";
import { areNominationsOpen } from "@/lib/elections/phase";
import { LocalTime } from "@/components/LocalTime";
import { Markdown } from "@/components/markdown/Markdown";
import { ActionForm } from "@/components/forms/ActionForm";
import { StatementEditor } from "@/components/forms/StatementEditor";
import { PhaseBadge } from "@/components/PhaseBadge";
import { btnDanger, h1, h2, hint, input, label, link } from "@/components/ui";
import { visibleElection, loadElection } from "@/app/_lib/election";
import { claimableCandidacies, claimMatch } from "@/lib/candidacies/claim-candidacy";
import { claimDeclaration, editDeclaration, submitDeclaration, withdrawDeclaration } from "./actions";
import { BackToElection } from "@/components/BackToElection";
import { electionHref } from "@/app/_lib/paths";
import { affiliationRequiredWhy } from "@/lib/candidacies/fields";
import { withFullStop } from "@/components/election-text";

type Params = { params: Promise<{ community: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await visibleElection(await params);
  return { title: e ? `Declare your candidacy: ${e.title}` : "Declare your candidacy" };
}

export default async function DeclarePage({ params }: Params) {
  const { community, slug } = await params;
  const { election, actor, official, phase } = await loadElection({ community, slug });
  const back = (
    <BackToElection href={electionHref(community, slug)} title={election.title} />
  );

  if (!actor) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className={h1}>Declare your candidacy</h1>
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`${electionHref(community, slug)}/declare`)}`} className={link}>
            Sign in
          </Link>{" "}
          to declare your candidacy for {election.title}.
        </p>
      </div>
    );
  }

  if (official) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className={h1}>Declare your candidacy</h1>
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950">
          You are an official of {election.title}, so you cannot stand in it.
        </p>
      </div>
    );
  }

  const mine = await prisma.candidacy.findFirst({ where: { electionId: election.id, userId: actor.id } });
  const active = mine && mine.status !== "WITHDRAWN" ? mine : null;
  // Declarations imported (e.g. from a Kata folder) under this person's email or GitHub login; claimCandidacy checks again.
  const claimable = mine ? [] : await claimableCandidacies(prisma, actor, election.id);
  // The same rule submitCandidacy, editCandidacy and withdrawCandidacy apply.
  const open = areNominationsOpen(election);
  // A withdrawn declaration pre-fills the form, so declaring again does not mean retyping it.
  const defaults = {
    displayName: mine?.displayName ?? actor.name ?? "",
    email: mine?.email ?? actor.email ?? "",
    githubLogin: mine?.githubLogin ?? actor.githubLogin ?? "",
    // "none" is the stored form of the explicit choice: it ticks the box rather than filling the field.
    affiliation: mine && mine.affiliation !== "none" ? mine.affiliation : "",
    noAffiliation: mine?.affiliation === "none",
    platform: mine?.platform ?? "",
    statement: mine?.statement ?? "",
  };
  const action = active ? editDeclaration.bind(null, active.id, electionHref(community, slug)) : submitDeclaration.bind(null, election.id, electionHref(community, slug));

  return (
    <div className="max-w-3xl space-y-6">
      {back}
      <h1 className={h1}>{active ? "Your declaration" : "Declare your candidacy"}</h1>
      <p className="flex flex-wrap items-center gap-2">
        <PhaseBadge phase={phase} />
        {open && election.nominationsCloseAt && (
          <span className="text-gray-800">
            Nominations close <LocalTime iso={election.nominationsCloseAt.toISOString()} />.
          </span>
        )}
        {!open && (
          <span className="text-gray-800" data-testid="declare-closed">
            {phase === "upcoming" && election.nominationsOpenAt ? (
              <>
                Nominations open <LocalTime iso={election.nominationsOpenAt.toISOString()} />.
              </>
            ) : (
              "Nominations are closed: declarations can no longer be made, changed or withdrawn."
            )}
          </span>
        )}
      </p>
      {active && (
        <p className="rounded-md border border-gray-400 bg-gray-50 p-3" data-testid="candidacy-status">
          Status: <strong>{active.status.toLowerCase()}</strong>
          {active.status === "SUBMITTED" && " — waiting for the officials' review."}
          {active.status === "REJECTED" && (active.rejectionReason ? <> — reason: {withFullStop(active.rejectionReason)}</> : ".")}
          {active.status === "ACCEPTED" && "."}{" "}
          {/* The page exists in every state; only an accepted one is public, the others are shown to their author and the officials. */}
          <Link href={`${electionHref(community, slug)}/candidates/${active.id}`} className={link}>
            {active.status === "ACCEPTED" ? "View your public page" : "View your declaration's page (only you and the officials can see it)"}
          </Link>
        </p>
      )}
      {mine?.status === "WITHDRAWN" && (
        <p role="status" className="rounded-md border border-gray-400 bg-gray-50 p-3 text-gray-900" data-testid="candidacy-withdrawn">
          You withdrew your earlier declaration.{open && " You may declare again: the form below starts from what you wrote."}
        </p>
      )}
      {open && active && active.status !== "SUBMITTED" && (
        <p className={hint}>Saving a change sends your declaration back to the officials for review.</p>
      )}

      {claimable.map((c) => (
        <section
          key={c.id}
          aria-labelledby={`claim-${c.id}-h`}
          className="space-y-2 rounded-md border-2 border-blue-800 bg-blue-50 p-4 text-gray-950"
          data-testid="claim-offer"
        >
          <h2 id={`claim-${c.id}-h`} className="text-xl font-bold">
            This declaration was imported for you — claim it
          </h2>
          <p>
            A declaration for <strong>{c.displayName}</strong> ({c.githubLogin ? `@${c.githubLogin}, ` : ""}
            {c.email || "no email"}; status: {c.status.toLowerCase()}) was imported into this election under your{" "}
            {claimMatch(c, actor) === "githubLogin" ? "GitHub login" : "email"}. Claim it to
            {open ? " edit or withdraw it while nominations are open." : " make it yours; nominations are closed, so it can no longer be changed."}
          </p>
          <ActionForm action={claimDeclaration.bind(null, c.id, electionHref(community, slug))} submitLabel="Claim this declaration" pendingLabel="Claiming…" ariaLabel={`Claim ${c.displayName}`} />
        </section>
      ))}

      {open && claimable.length === 0 && (
        <ActionForm action={action} submitLabel={active ? "Save changes" : "Submit declaration"} ariaLabel="Declaration">
          <div>
            <label htmlFor="displayName" className={label}>
              Display name
            </label>
            <input id="displayName" name="displayName" required defaultValue={defaults.displayName} className={`${input} mt-1`} autoComplete="name" />
          </div>
          <div>
            <label htmlFor="email" className={label}>
              Email
            </label>
            <input id="email" name="email" type="email" required defaultValue={defaults.email} className={`${input} mt-1`} autoComplete="email" />
          </div>
          <div>
            <label htmlFor="githubLogin" className={label}>
              GitHub login (optional)
            </label>
            <input id="githubLogin" name="githubLogin" defaultValue={defaults.githubLogin} className={`${input} mt-1`} />
          </div>
          <fieldset>
            <legend className={label}>Affiliation{election.maxPerAffiliation === null ? " (optional)" : " (required)"}</legend>
            <p id="affiliation-hint" className={hint}>
              {election.maxPerAffiliation === null
                ? "The company you work for, if any."
                : `${affiliationRequiredWhy(election.maxPerAffiliation)}, so name the company you work for, or tick “I have no affiliation”.`}
            </p>
            <label htmlFor="affiliation" className="sr-only">
              Affiliation
            </label>
            <input
              id="affiliation"
              name="affiliation"
              defaultValue={defaults.affiliation}
              aria-describedby="affiliation-hint"
              className={`${input} mt-1`}
              autoComplete="organization"
            />
            <label className="mt-2 flex min-h-11 items-center gap-2 text-gray-900">
              <input type="checkbox" name="noAffiliation" defaultChecked={defaults.noAffiliation} className="h-5 w-5" />
              I have no affiliation
            </label>
          </fieldset>
          <div>
            <label htmlFor="platform" className={label}>
              Platform or area (optional)
            </label>
            <input id="platform" name="platform" defaultValue={defaults.platform} aria-describedby="platform-hint" className={`${input} mt-1`} />
            <p id="platform-hint" className={hint}>
              For example &ldquo;Arm&rdquo; or &ldquo;networking&rdquo;.
            </p>
          </div>
          <StatementEditor name="statement" defaultValue={defaults.statement} />
        </ActionForm>
      )}

      {!open && active && (
        <section aria-labelledby="statement-h">
          <h2 id="statement-h" className={h2}>
            Your statement
          </h2>
          <div className="mt-3">
            <Markdown text={active.statement} />
          </div>
        </section>
      )}

      {open && active && (
        <section aria-labelledby="withdraw-h" className="border-t border-gray-300 pt-4">
          <h2 id="withdraw-h" className={h2}>
            Withdraw
          </h2>
          <p className="mt-2 text-gray-800">Withdrawing removes your name from the election. You can declare again while nominations are open.</p>
          <ActionForm
            action={withdrawDeclaration.bind(null, active.id, electionHref(community, slug))}
            submitLabel="Withdraw my declaration"
            buttonClassName={btnDanger}
            confirm="Withdraw your declaration?"
            className="mt-3"
          />
        </section>
      )}
    </div>
  );
}
