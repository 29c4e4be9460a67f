import type { ReactNode } from "react";
import type { ManagedElection } from "@/app/_lib/manage";
import { BackToElection } from "@/components/BackToElection";
import { PhaseBadge } from "@/components/PhaseBadge";
import { h1 } from "@/components/ui";
import { StepLinks, stepPosition } from "./StepNav";

/**
 * Frame of every page of the official's dashboard: the election, its state,
 * and the steps as a side list on wide screens or, on a phone, one line saying
 * where you are with the list folded under it.
 */
export function ManageShell({ m, current, heading, children }: { m: ManagedElection; current: string; heading: string; children: ReactNode }) {
  const { election, phase, official, steps, officials } = m;
  const base = `${m.base}/manage`;
  const position = stepPosition(steps, current);
  const names = officials.map((o) => o.user.name ?? o.user.githubLogin ?? o.user.email).join(", ");
  return (
    <div className="space-y-6">
      <BackToElection href={m.base} title={election.title} />
      <header className="space-y-2">
        <h1 className={`${h1} break-words`}>Official dashboard: {election.title}</h1>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-gray-800">
          <PhaseBadge phase={phase} />
          <span data-testid="manage-state">State: {election.state.toLowerCase()}</span>
          <span>Officials: {names || "none"}</span>
        </p>
        {!official && (
          <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
            You are an admin of this election's community, not one of its officials: you can see everything here and cancel it while it can be, but only its officials run it.
          </p>
        )}
      </header>
      <details className="rounded-lg border border-gray-300 bg-white md:hidden" data-testid="step-switcher">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 py-2 text-sm font-semibold">
          <span>
            {position} <span className="font-normal text-gray-700">· all steps</span>
          </span>
        </summary>
        <nav aria-label="Dashboard steps" className="border-t border-gray-300 p-2">
          <StepLinks base={base} steps={steps} current={current} />
        </nav>
      </details>
      <div className="md:grid md:grid-cols-[15rem_minmax(0,1fr)] md:gap-8">
        <nav aria-label="Dashboard steps" className="hidden md:block">
          <StepLinks base={base} steps={steps} current={current} />
        </nav>
        <section aria-labelledby="page-h" className="min-w-0">
          <p className="hidden text-sm font-semibold text-gray-700 md:block" data-testid="step-position">
            {position}
          </p>
          <h2 id="page-h" className="mt-1 text-xl font-bold text-gray-950">
            {heading}
          </h2>
          {children}
        </section>
      </div>
    </div>
  );
}
