import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/config/env";
import { isAdminIdentity } from "./admins";
import { safeCallbackUrl } from "./callback-url";
import { authEnvFrom } from "./env";
import { enabledProviders, isDemoMode } from "./providers";

const OIDC = { OIDC_ISSUER: "http://127.0.0.1:4010/", OIDC_CLIENT_ID: "hustings", OIDC_CLIENT_SECRET: "s3cret" };
const GITHUB = { GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" };
const auth = (raw: Record<string, string>) => authEnvFrom(loadEnv(raw), raw);

describe("isAdminIdentity", () => {
  const admins = auth({ HUSTINGS_ADMINS: " Octocat, @Hubot ,Ada@Example.ORG" }).admins;

  it("matches GitHub logins and emails case-insensitively", () => {
    expect(isAdminIdentity({ githubLogin: "octocat" }, admins)).toBe(true);
    expect(isAdminIdentity({ githubLogin: "OCTOCAT" }, admins)).toBe(true);
    expect(isAdminIdentity({ githubLogin: "hubot" }, admins)).toBe(true);
    expect(isAdminIdentity({ email: "ada@example.org", githubLogin: null }, admins)).toBe(true);
    expect(isAdminIdentity({ email: "ADA@example.org" }, admins)).toBe(true);
  });

  it("does not match anyone else, partial names or a login posing as an email", () => {
    expect(isAdminIdentity({ githubLogin: "octo" }, admins)).toBe(false);
    expect(isAdminIdentity({ githubLogin: "octocat2" }, admins)).toBe(false);
    expect(isAdminIdentity({ email: "octocat@example.org" }, admins)).toBe(false);
    expect(isAdminIdentity({ githubLogin: "ada@example.org" }, admins)).toBe(false);
    expect(isAdminIdentity({ email: null, githubLogin: null }, admins)).toBe(false);
    expect(isAdminIdentity({ email: "", githubLogin: "" }, admins)).toBe(false);
  });

  it("names nobody when HUSTINGS_ADMINS is unset outside demo mode", () => {
    const none = auth({}).admins;
    expect(isAdminIdentity({ githubLogin: "ada-admin", email: "ada@example.org" }, none)).toBe(false);
  });

  it("names the seeded admin in demo mode unless HUSTINGS_ADMINS says otherwise", () => {
    expect(isAdminIdentity({ githubLogin: "ada-admin" }, auth({ HUSTINGS_DEMO: "1" }).admins)).toBe(true);
    expect(isAdminIdentity({ githubLogin: "ada-admin" }, auth({ HUSTINGS_DEMO: "1", HUSTINGS_ADMINS: "someone" }).admins)).toBe(false);
  });
});

describe("providers and demo mode", () => {
  it("lists the configured providers, OIDC under its configured name", () => {
    expect(enabledProviders(auth({}))).toEqual([]);
    expect(enabledProviders(auth(GITHUB))).toEqual([{ id: "github", name: "GitHub" }]);
    expect(enabledProviders(auth({ ...GITHUB, ...OIDC, OIDC_NAME: "Example SSO" }))).toEqual([
      { id: "github", name: "GitHub" },
      { id: "oidc", name: "Example SSO" },
    ]);
  });

  it("is demo mode only with HUSTINGS_DEMO=1 and no real provider", () => {
    expect(isDemoMode(auth({ HUSTINGS_DEMO: "1" }))).toBe(true);
    expect(isDemoMode(auth({}))).toBe(false);
    expect(isDemoMode(auth({ HUSTINGS_DEMO: "0" }))).toBe(false);
    expect(isDemoMode(auth({ HUSTINGS_DEMO: "1", ...GITHUB }))).toBe(false);
    expect(isDemoMode(auth({ HUSTINGS_DEMO: "1", ...OIDC }))).toBe(false);
  });

  it("treats preferred_username as a GitHub login only when asked to", () => {
    expect(auth(OIDC).oidc).toMatchObject({ issuer: "http://127.0.0.1:4010", loginClaim: null });
    expect(auth({ ...OIDC, OIDC_LOGIN_CLAIM: "preferred_username" }).oidc?.loginClaim).toBe("preferred_username");
    expect(auth({ ...OIDC, OIDC_LOGIN_CLAIM: "email" }).oidc?.loginClaim).toBeNull();
  });

  it("reads the sign-in rate limit, falling back on nonsense", () => {
    expect(auth({}).signInPerMinute).toBe(30);
    expect(auth({ HUSTINGS_SIGNIN_RATE_LIMIT: "100" }).signInPerMinute).toBe(100);
    expect(auth({ HUSTINGS_SIGNIN_RATE_LIMIT: "-3" }).signInPerMinute).toBe(30);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackUrl("/elections/harbor?tab=ballot")).toBe("/elections/harbor?tab=ballot");
    expect(safeCallbackUrl("/")).toBe("/");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined, 42, ["/x"]]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("refuses paths a browser turns into another site once it drops tabs and newlines", () => {
    // The URL parser removes ASCII tab and newline anywhere, so "/\t/evil.example" becomes "//evil.example".
    for (const bad of ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\t\\evil.example", " //evil.example", "/\x00/x"]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});
