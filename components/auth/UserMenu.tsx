import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { isDemoMode } from "@/lib/auth/providers";
import { signOutEverywhereAction } from "@/app/@nav/actions";
import { btn, link } from "@/components/ui";
import { SignOutButton } from "./SignOutButton";

/** The header's sign-in state: who is signed in (from the server session) and a way out, or a way in. */
export async function UserMenu() {
  const actor = await getActor();
  if (!actor) {
    return (
      <nav aria-label="Account">
        <Link href={isDemoMode() ? "/demo" : "/signin"} className={link}>
          Sign in
        </Link>
      </nav>
    );
  }
  const label = actor.name ?? actor.githubLogin ?? actor.email ?? "Signed in";
  return (
    <nav aria-label="Account" className="flex flex-wrap items-center gap-3 text-sm">
      <p className="text-right leading-tight" data-testid="signed-in-as">
        <span className="sr-only">Signed in as </span>
        <span className="font-semibold text-gray-950">{label}</span>
        {actor.isAdmin && (
          <span className="ml-2 rounded-sm bg-blue-100 px-1.5 py-0.5 text-xs font-semibold text-blue-900">Admin</span>
        )}
        {actor.email && actor.email !== label && <span className="block text-gray-700">{actor.email}</span>}
      </p>
      <SignOutButton />
      <form action={signOutEverywhereAction}>
        <button type="submit" className={btn} title="Ends your sessions on every device and browser, this one included">
          Sign out everywhere
        </button>
      </form>
    </nav>
  );
}
