/**
 * Who is calling a use case, as established by the session on the server.
 * Use cases take `Actor | null` (null = anonymous) and authorize themselves;
 * nothing the browser sends can make someone an official or an admin.
 */
export interface Actor {
  id: string;
  name: string | null;
  email: string | null;
  /** Lower-cased GitHub login, when the person signed in with GitHub (or the IdP gave one). */
  githubLogin: string | null;
  /** Named by the instance's configuration (HUSTINGS_ADMINS). */
  isAdmin: boolean;
}
