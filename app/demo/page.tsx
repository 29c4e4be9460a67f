import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { btn, card, h1, h2, hint } from "@/components/ui";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/current-actor";
import { isDemoDatabase, listDemoPeople, type DemoPerson, type DemoRole } from "@/lib/auth/demo";
import { isDemoMode } from "@/lib/auth/providers";
import { signInAsDemoPerson } from "./actions";

export const metadata: Metadata = { title: "Demo sign-in" };

const GROUPS: { role: DemoRole | null; title: string; blurb: string }[] = [
  { role: "admin", title: "Instance admin", blurb: "Creates communities and appoints their admins; acts inside a community only where named its admin." },
  { role: "community-admin", title: "Community admins", blurb: "Run one community: its page and defaults, its elections, and their officials." },
  { role: "official", title: "Officials", blurb: "Run an election: electorate, nominations, closing, tally, publication." },
  { role: "candidate", title: "Candidates", blurb: "Have declared a candidacy; may edit or withdraw it while nominations are open." },
  { role: "voter", title: "Voters", blurb: "Are on an electorate: may cast, check and replace a secret ballot while voting is open." },
  { role: null, title: "Other members", blurb: "Signed-in people with no role yet: may nominate themselves or ask for a voter exception." },
];

const ERRORS: Record<string, string> = {
  RateLimited: "Too many sign-ins from your network. Wait a minute, then try again.",
  UnknownPerson: "That person does not exist on this instance. Pick someone from the list.",
};

export default async function DemoPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // Outside demo mode this page does not exist, whatever is in the database.
  if (!isDemoMode()) notFound();
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? ERRORS.UnknownPerson) : undefined;
  const [demoDatabase, actor] = await Promise.all([isDemoDatabase(), getActor()]);
  if (!demoDatabase) {
    return (
      <div className="space-y-6">
        <h1 className={h1}>Demo sign-in</h1>
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="not-a-demo-database">
          Demo sign-in is off: this instance&apos;s database was not made by the demo seed (or someone has signed in to it through a
          real provider), so it may hold real people. Start a demo on its own data folder instead.
        </p>
      </div>
    );
  }
  const people = await listDemoPeople();
  // Each person appears once, under their most powerful role; the others are listed beside the name.
  const byGroup = new Map<DemoRole | null, DemoPerson[]>();
  for (const p of people) {
    const key = p.roles[0] ?? null;
    byGroup.set(key, [...(byGroup.get(key) ?? []), p]);
  }

  return (
    <div className="space-y-6">
      <h1 className={h1}>Demo sign-in</h1>
      <p className="max-w-prose">
        This is a demo instance: every person and election is made up. Sign in as any of them to see Hustings from their side —
        no password needed. A real instance signs people in with GitHub or an OpenID Connect provider instead, and this page does
        not exist there.
      </p>
      {actor && (
        <p className={hint}>
          You are signed in as <strong>{actor.name ?? actor.email}</strong>. Choosing someone else switches to them.
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {error}
        </p>
      )}
      {people.length === 0 && <p>Nobody has been seeded yet. Start the instance with <code>HUSTINGS_SEED=demo</code>.</p>}
      <form action={signInAsDemoPerson}>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {GROUPS.filter((g) => byGroup.has(g.role)).map((g) => (
          <section key={g.title} aria-labelledby={`group-${g.title}`}>
            <h2 id={`group-${g.title}`} className={h2}>
              {g.title}
            </h2>
            <p className={hint}>{g.blurb}</p>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {byGroup.get(g.role)!.map((p) => (
                <li key={p.id} className={`${card} flex items-start justify-between gap-3`}>
                  <div className="min-w-0">
                    <p className="font-semibold text-gray-950">{p.name ?? p.email ?? p.githubLogin}</p>
                    <p className="truncate text-sm text-gray-700">
                      {[p.githubLogin && `@${p.githubLogin}`, p.email].filter(Boolean).join(" · ")}
                    </p>
                    {p.details.length > 0 && (
                      <ul className="mt-1 text-sm text-gray-700">
                        {p.details.map((d) => (
                          <li key={d}>{d}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <button
                    type="submit"
                    name="userId"
                    value={p.id}
                    className={`${btn} shrink-0 whitespace-nowrap`}
                    aria-label={`Sign in as ${p.name ?? p.email ?? p.githubLogin}`}
                  >
                    Sign in
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </form>
    </div>
  );
}
