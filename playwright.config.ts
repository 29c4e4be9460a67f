import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run the production path (`npm start`: build, embedded
// PostgreSQL, migrations, demo seed) against a real OpenID Connect provider
// (e2e/oidc-server.mjs), so sign-in is the real redirect/code/ID-token flow.
// Their own ports and database folder keep them clear of a developer's instance.
// Ports can be moved (E2E_APP_PORT, E2E_OIDC_PORT, E2E_PG_PORT) so two checkouts can run the suite at once.
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 4010);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54340);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const OIDC_URL = `http://127.0.0.1:${OIDC_PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // One app and one database: tests share state, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry in CI, where the machine is shared: a consistent failure still fails, and a retried pass is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download needs the internet.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node e2e/oidc-server.mjs",
      url: `${OIDC_URL}/.well-known/openid-configuration`,
      env: { OIDC_TEST_PORT: String(OIDC_PORT), OIDC_TEST_APP_URL: APP_URL },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "npm start",
      url: `${APP_URL}/signin`,
      env: {
        PORT: String(APP_PORT),
        HUSTINGS_PG_DIR: ".data/e2e-pg",
        HUSTINGS_PG_PORT: String(PG_PORT),
        HUSTINGS_FRESH_DB: "1",
        HUSTINGS_SEED: "demo",
        NEXTAUTH_URL: APP_URL,
        NEXTAUTH_SECRET: "e2e-nextauth-secret-not-for-production-0123456789",
        RECEIPT_SECRET: "e2e-receipt-secret-not-for-production-0123456789",
        OIDC_ISSUER: OIDC_URL,
        OIDC_CLIENT_ID: "hustings-e2e",
        OIDC_CLIENT_SECRET: "hustings-e2e-client-secret",
        OIDC_NAME: "Test SSO",
        // The test IdP's usernames stand for GitHub logins, as the demo seed's electorates use them.
        OIDC_LOGIN_CLAIM: "preferred_username",
        HUSTINGS_ADMINS: "ada-admin,ada@example.org",
        // Every test signs in from 127.0.0.1; the default per-address limit would throttle the suite.
        HUSTINGS_SIGNIN_RATE_LIMIT: "1000",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
      },
      reuseExistingServer: false,
      // First start builds the app (`next build`): minutes on a 2-core machine.
      timeout: 600_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    },
  ],
});
