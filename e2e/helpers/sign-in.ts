import { expect, type Page } from "@playwright/test";

/**
 * Signs in through the test OpenID Connect provider (e2e/oidc-server.mjs) as
 * one of its accounts ("vera-voter", "ada-admin", …), the way a person does:
 * the app's sign-in page, the IdP's login form, back to the app.
 */
export async function signInWithOidc(page: Page, login: string, callbackUrl = "/"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  // oidc-provider's development login page: any password is accepted.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.port === String(process.env.E2E_APP_PORT ?? 3100) && !url.pathname.startsWith("/api/auth"));
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** Signs out with the header's button and waits until the page shows the signed-out state. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
