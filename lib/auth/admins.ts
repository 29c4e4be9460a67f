import { readAuthEnv, type AuthEnv } from "./env";

/**
 * Whether the instance's configuration (HUSTINGS_ADMINS: GitHub logins and/or
 * emails) names this person an admin, case-insensitively. Only ever called with
 * identity data loaded from the database (as the identity provider reported it
 * at sign-in), never with anything the browser sends.
 */
export function isAdminIdentity(
  identity: { email?: string | null; githubLogin?: string | null },
  admins: AuthEnv["admins"] = readAuthEnv().admins,
): boolean {
  const login = identity.githubLogin?.trim().toLowerCase().replace(/^@/, "");
  const email = identity.email?.trim().toLowerCase();
  return (!!login && admins.logins.includes(login)) || (!!email && admins.emails.includes(email));
}
