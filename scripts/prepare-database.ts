// The owner's half of start-up, shared by `npm start` and `npx hustings import`:
// apply migrations and grants as the owner, then hand back the URL of the app's
// role, refusing one that could rewrite the audit log.
import { migrateDeploy } from "./migrate-deploy";
import { appRoleProblems, EMBEDDED_APP_ROLE, ensureAppRole, grantAppRole, roleOf, urlAs } from "./db-roles";

export type DatabaseRoles =
  /** The embedded server: its superuser is the owner, and the app role is made here with a generated password. */
  | { embedded: true; ownerUrl: string; appPassword: string }
  /** An operator's server: DATABASE_URL (the app role) and, if migrations are applied at start, DATABASE_OWNER_URL. */
  | { embedded: false; appUrl: string; ownerUrl: string | null };

export async function prepareDatabase(roles: DatabaseRoles, say: (line: string) => void): Promise<string> {
  const appUrl = roles.embedded ? urlAs(roles.ownerUrl, EMBEDDED_APP_ROLE, roles.appPassword) : roles.appUrl;
  if (roles.ownerUrl) {
    const t = performance.now();
    await migrateDeploy(roles.ownerUrl);
    if (roles.embedded) await ensureAppRole(roles.ownerUrl, EMBEDDED_APP_ROLE, roles.appPassword);
    const { maintain } = await grantAppRole(roles.ownerUrl, roleOf(appUrl));
    say(`database migrated; the app runs as role "${roleOf(appUrl)}" (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    if (!maintain) say("warning: PostgreSQL before 17 has no MAINTAIN privilege, so the app cannot VACUUM the ballot tables after a close; see \"Database roles\" in README.md");
  } else {
    say("DATABASE_OWNER_URL is not set: migrations and grants are left to the operator");
  }
  const problems = await appRoleProblems(appUrl);
  if (problems.length > 0) {
    throw new Error(
      `refusing to serve as a role that could rewrite the audit log: ${problems.join("; ")}.\n` +
        `Set DATABASE_URL to the app's own role (SELECT and INSERT only on "AuditEntry") and DATABASE_OWNER_URL to the role that owns the tables; see "Database roles" in README.md.`,
    );
  }
  return appUrl;
}
