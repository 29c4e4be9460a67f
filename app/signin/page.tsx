import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignInButton } from "@/components/auth/SignInButton";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { btnPrimary, card, h1, hint, link } from "@/components/ui";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/current-actor";
import { enabledProviders, isDemoMode } from "@/lib/auth/providers";

export const metadata: Metadata = { title: "Sign in" };

// next-auth sends people back here with ?error=<code>; say what happened and what to do.
const ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "That email address already belongs to someone who signs in another way. Sign in the way you did before.",
  AccessDenied: "Sign-in was refused.",
  RateLimited: "Too many sign-in attempts from your network. Wait a minute, then try again.",
  CredentialsSignin: "That person could not be signed in.",
  SessionRequired: "Sign in to continue.",
};
const GENERIC_ERROR =
  "Sign-in did not complete. Try again; if it keeps failing, tell the administrators of this instance.";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Which providers exist is run-time configuration, never baked in at build.
  await connection();
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const error = errorCode ? (ERRORS[errorCode] ?? GENERIC_ERROR) : undefined;
  const providers = enabledProviders();
  const demo = isDemoMode();
  const actor = await getActor();

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className={h1}>Sign in</h1>
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {error}
        </p>
      )}
      {actor && (
        <div className={`${card} space-y-3`}>
          <p>
            You are signed in as <strong>{actor.name ?? actor.githubLogin ?? actor.email}</strong>
            {actor.email ? ` (${actor.email})` : ""}.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href={callbackUrl} className={link}>
              Continue
            </Link>
            <SignOutButton callbackUrl="/signin" />
          </div>
        </div>
      )}
      {providers.length > 0 && (
        <section aria-labelledby="providers-heading" className={`${card} space-y-4`}>
          <h2 id="providers-heading" className="text-lg font-semibold text-gray-950">
            {actor ? "Sign in as someone else" : "Choose how to sign in"}
          </h2>
          <ul className="flex flex-col gap-3">
            {providers.map((p) => (
              <li key={p.id}>
                <SignInButton providerId={p.id} providerName={p.name} callbackUrl={callbackUrl} />
              </li>
            ))}
          </ul>
          <p className={hint}>
            Signing in tells Hustings your name and email address
            {providers.some((p) => p.id === "github") ? ", and your GitHub login" : ""}: it uses them to match you to an
            election&apos;s electorate. Your ballot stays secret.
          </p>
        </section>
      )}
      {demo && (
        <section aria-labelledby="demo-heading" className={`${card} space-y-3`}>
          <h2 id="demo-heading" className="text-lg font-semibold text-gray-950">
            Demo instance
          </h2>
          <p>This instance has no identity provider: sign in as one of its made-up people to try it out.</p>
          <Link href={`/demo?callbackUrl=${encodeURIComponent(callbackUrl)}`} className={btnPrimary}>
            Choose a demo person
          </Link>
        </section>
      )}
      {providers.length === 0 && !demo && (
        <section aria-labelledby="none-heading" className={`${card} space-y-2`}>
          <h2 id="none-heading" className="text-lg font-semibold text-gray-950">
            Sign-in is not set up
          </h2>
          <p>
            No sign-in method is configured on this instance, so nobody can sign in yet. Its administrators need to set{" "}
            <code>GITHUB_ID</code> and <code>GITHUB_SECRET</code> (a GitHub OAuth app), or <code>OIDC_ISSUER</code>,{" "}
            <code>OIDC_CLIENT_ID</code> and <code>OIDC_CLIENT_SECRET</code> (any OpenID Connect provider), then restart it.
          </p>
          <p>You can still read public elections, declarations and published results.</p>
        </section>
      )}
    </div>
  );
}
