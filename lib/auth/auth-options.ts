// next-auth configuration. Sessions are stateless JWTs (any app instance can
// read them; the demo Credentials provider requires it), while users and their
// linked provider accounts live in PostgreSQL through the Prisma adapter, keyed
// on (provider, providerAccountId): the provider's immutable id, never the email.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions, Profile } from "next-auth";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import { prisma, type Tx } from "@/lib/db/client";
import { authorizeDemoUser } from "./demo";
import { readAuthEnv, type AuthEnv } from "./env";
import { isDemoMode } from "./providers";
import { SESSION_MAX_AGE_SECONDS, sessionClaims, sessionCookieName, sessionVersionOf } from "./session-token";

/** What our providers' profile() callbacks return; `githubLogin` reaches the adapter's createUser. */
interface HustingsProfile {
  id: string;
  name: string | null;
  email: string | null;
  image: string | null;
  githubLogin: string | null;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * Whoever holds a GitHub login now is the person signing in with it: a user
 * row still carrying it is stale (that person renamed away), so it lets go,
 * keeping the unique column true.
 */
async function releaseLogin(tx: Tx, login: string, keepUserId: string | null): Promise<void> {
  await tx.user.updateMany({
    where: { githubLogin: login, ...(keepUserId ? { id: { not: keepUserId } } : {}) },
    data: { githubLogin: null },
  });
}

function hustingsAdapter(): Adapter {
  // @auth/prisma-adapter is typed against @auth/core and the default Prisma client; at run time it
  // only calls prisma.user/account/… which our generated client provides.
  const base = PrismaAdapter(prisma as never) as unknown as Adapter;
  return {
    ...base,
    // A person pre-provisioned without any sign-in (the demo seed) is claimed by the first
    // provider account with their verified email; from then on that account id is the key.
    // A person who already has a linked account is never taken over by email.
    async getUserByEmail(email: string) {
      const user = await prisma.user.findFirst({
        where: { email: { equals: email, mode: "insensitive" } },
        include: { _count: { select: { accounts: true } } },
      });
      if (!user) return null;
      if (user._count.accounts > 0) {
        const e = new Error("Another account already uses this email address");
        // next-auth turns this error name into /signin?error=OAuthAccountNotLinked.
        e.name = "AccountNotLinkedError";
        throw e;
      }
      const { _count, ...row } = user;
      return row as AdapterUser;
    },
    async createUser(data: Omit<AdapterUser, "id">) {
      const profile = data as Omit<AdapterUser, "id"> & { githubLogin?: string | null };
      const githubLogin = profile.githubLogin ?? null;
      const user = await prisma.$transaction(async (tx) => {
        if (githubLogin) await releaseLogin(tx, githubLogin, null);
        return tx.user.create({
          data: {
            name: profile.name ?? null,
            email: profile.email ?? null,
            emailVerified: profile.email ? (profile.emailVerified ?? null) : null,
            image: profile.image ?? null,
            githubLogin,
          },
        });
      });
      return user as AdapterUser;
    },
    // Hustings never calls a provider's API after sign-in, so the provider's tokens are not kept:
    // a database dump should not hand out working GitHub tokens.
    async linkAccount(account: AdapterAccount) {
      await prisma.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        },
      });
    },
  };
}

function githubProvider(config: NonNullable<AuthEnv["github"]>): Provider {
  return GitHubProvider({
    // Safe here: getUserByEmail only returns never-signed-in people, and only verified emails reach it.
    allowDangerousEmailAccountLinking: true,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    userinfo: {
      url: "https://api.github.com/user",
      // GitHub's default picks any address when the profile's is private; only a verified
      // one may match an admin entry or an electorate row.
      async request({ client, tokens }) {
        const profile = await client.userinfo(tokens.access_token!);
        if (!profile.email) {
          const res = await fetch("https://api.github.com/user/emails", {
            headers: { Authorization: `token ${tokens.access_token}`, Accept: "application/vnd.github+json" },
          });
          if (res.ok) {
            const emails = (await res.json()) as GitHubEmail[];
            const verified = emails.filter((e) => e.verified);
            profile.email = (verified.find((e) => e.primary) ?? verified[0])?.email ?? null;
          }
        }
        return profile;
      },
    },
    profile(profile): HustingsProfile {
      return {
        id: String(profile.id),
        name: profile.name ?? profile.login,
        email: profile.email ?? null,
        image: profile.avatar_url ?? null,
        githubLogin: profile.login.toLowerCase(),
      };
    },
  });
}

interface OidcClaims extends Profile {
  sub: string;
  name?: string;
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
}

function oidcProvider(config: NonNullable<AuthEnv["oidc"]>): OAuthConfig<OidcClaims> {
  return {
    id: "oidc",
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    // See githubProvider: claims only never-signed-in people, by verified email.
    allowDangerousEmailAccountLinking: true,
    profile(claims): HustingsProfile {
      const login = config.loginClaim ? claims[config.loginClaim]?.trim().toLowerCase() : undefined;
      return {
        id: claims.sub,
        name: claims.name ?? claims.preferred_username ?? null,
        // An unverified address could be anyone's, and emails name admins and voters.
        email: claims.email && claims.email_verified === true ? claims.email : null,
        image: null,
        githubLogin: login || null,
      };
    },
  };
}

function demoProvider(): Provider {
  return CredentialsProvider({
    id: "demo",
    name: "Demo",
    credentials: { userId: { label: "Person", type: "text" } },
    // Checks demo mode itself on every call: being registered is not permission.
    authorize: (credentials) => authorizeDemoUser(credentials),
  });
}

export function buildAuthOptions(env: AuthEnv = readAuthEnv()): NextAuthOptions {
  const providers: Provider[] = [];
  if (env.github) providers.push(githubProvider(env.github));
  if (env.oidc) providers.push(oidcProvider(env.oidc));
  if (isDemoMode(env)) providers.push(demoProvider());
  const cookie = sessionCookieName(env);

  return {
    adapter: hustingsAdapter(),
    providers,
    secret: env.nextAuthSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    // Pinned to NEXTAUTH_URL so the demo action's cookie (session-token.ts) has the same name.
    useSecureCookies: cookie.secure,
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ account }) {
        if (account?.provider === "demo") return isDemoMode();
        return true;
      },
      async jwt({ token, user }) {
        // Only the id and session version: name, email and admin status are read fresh from the database per request.
        if (user) {
          const row = await prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
          return { ...sessionClaims(user.id, row?.sessionVersion ?? 0) };
        }
        // A refresh keeps the claims as they were at sign-in (next-auth renews iat and exp itself).
        return token;
      },
      async session({ session, token }) {
        // getActor compares the version with the user's current one (sign out everywhere).
        return { expires: session.expires, user: { id: token.sub ?? "", sessionVersion: sessionVersionOf(token) } };
      },
    },
    events: {
      // Logins can change, account ids don't: refresh the stored login on every sign-in.
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return;
        const login = (profile as Partial<HustingsProfile> | undefined)?.githubLogin;
        if (!login || (user as { githubLogin?: string | null }).githubLogin === login) return;
        await prisma.$transaction(async (tx) => {
          await releaseLogin(tx, login, user.id);
          await tx.user.update({ where: { id: user.id }, data: { githubLogin: login } });
        });
      },
    },
  };
}

let cached: { key: string; options: NextAuthOptions } | undefined;

/** The process's options, rebuilt only if the auth environment changed (tests). */
export function getAuthOptions(): NextAuthOptions {
  const env = readAuthEnv();
  const key = JSON.stringify(env);
  if (cached?.key !== key) cached = { key, options: buildAuthOptions(env) };
  return cached.options;
}
