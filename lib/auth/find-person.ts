// One way to find a person from what an admin typed: "@login" (how logins are
// shown across the app), "login" in any case, or their email, with stray
// spaces. Every form that names a person (appointing officials and community
// admins, ending sessions) goes through it, so they all accept the same input
// and say the same thing when there is nobody.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

/** "  @Olu-Official " → "olu-official"; emails are lower-cased too (matched case-insensitively anyway). */
export function normaliseLogin(typed: string): string {
  return typed.trim().replace(/^@+/, "").trim().toLowerCase();
}

/** The zod field of a typed login or email, normalised. */
export const typedLogin = z
  .string()
  .transform(normaliseLogin)
  .pipe(z.string().min(1, "give a GitHub login or an email").max(320));

/** How the person is named back: "@login" for a login, the address for an email. */
export function typedInWords(login: string): string {
  return login.includes("@") ? login : `@${login}`;
}

export interface FoundPerson {
  id: string;
  name: string | null;
  githubLogin: string | null;
  email: string | null;
}

/** How a found person is named in a confirmation: "Olu Official (@olu-official)". */
export function personInWords(p: FoundPerson): string {
  const handle = p.githubLogin ? `@${p.githubLogin}` : p.email;
  return p.name && handle ? `${p.name} (${handle})` : (p.name ?? handle ?? "this person");
}

/**
 * The account with that login or email, or a NotFoundError saying plainly that
 * nobody by that name has signed in yet and what `purpose` needs (e.g. "before
 * they can be appointed"). Only when there is none.
 */
export async function findPersonByLogin(db: Pick<Tx, "user">, login: string, purpose: string): Promise<FoundPerson> {
  const key = normaliseLogin(login);
  const user = key
    ? await db.user.findFirst({
        where: { OR: [{ githubLogin: key }, { email: { equals: key, mode: "insensitive" } }] },
        select: { id: true, name: true, githubLogin: true, email: true },
      })
    : null;
  if (!user) {
    const who = key.includes("@") ? `with the email ${key}` : `called @${key}`;
    throw new NotFoundError(`Nobody ${who} has signed in to Hustings yet; they must sign in once ${purpose}.`);
  }
  return user;
}
