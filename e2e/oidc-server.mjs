// A real OpenID Connect provider for the end-to-end tests (oidc-provider), so
// sign-in is exercised through discovery, PKCE, the code exchange and ID-token
// validation exactly as with a production IdP. Its built-in "dev interactions"
// login page accepts any password for the test accounts below.
//
//   node e2e/oidc-server.mjs      # http://127.0.0.1:4010 (OIDC_TEST_PORT to change)
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_TEST_PORT ?? 4010);
const issuer = `http://127.0.0.1:${port}`;
const appUrl = (process.env.OIDC_TEST_APP_URL ?? "http://127.0.0.1:3100").replace(/\/+$/, "");

export const CLIENT_ID = "hustings-e2e";
export const CLIENT_SECRET = "hustings-e2e-client-secret";

// Logins match the demo seed's people where they exist (same email), so signing
// in here claims the seeded person; the others are newcomers.
const ACCOUNTS = {
  "ada-admin": { email: "ada@example.org", name: "Ada Admin" },
  "olu-official": { email: "olu@example.org", name: "Olu Official" },
  "vera-voter": { email: "vera@example.org", name: "Vera Voss" },
  "cory-candidate": { email: "cory@example.org", name: "Cory Candidate" },
  "ines-ineligible": { email: "ines@example.org", name: "Ines Ineligible" },
  // Seeded people: Mei Tanaka stands in every demo election, Wen Li only votes.
  "mei-tanaka": { email: "mei@example.org", name: "Mei Tanaka" },
  "wenli": { email: "wen@example.org", name: "Wen Li" },
  // An IdP that has not verified the address: Hustings must not trust it.
  "uma-unverified": { email: "uma@example.org", name: "Uma Unverified", emailVerified: false },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "preferred_username"],
  },
  // Put the scope's claims in the ID token itself: next-auth reads the profile from it, not from userinfo.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  // Test-only cookie signing keys; signing keys for tokens are oidc-provider's built-in development keys.
  cookies: { keys: ["hustings-e2e-oidc-cookie-key"] },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name,
          preferred_username: id,
        };
      },
    };
  },
  // A first-party client: no consent screen, the scopes it asks for are granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  // Unknown logins fail at findAccount; say so on the console rather than on a blank page.
  renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = `<!doctype html><title>OIDC error</title><h1>${out.error}</h1><p>${out.error_description ?? ""}</p>`;
  },
});

const server = provider.listen(port, "127.0.0.1", () => {
  console.log(`test OIDC provider on ${issuer} (client ${CLIENT_ID}, redirect ${appUrl}/api/auth/callback/oidc)`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
