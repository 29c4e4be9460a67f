import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInWithOidc, signOut } from "./helpers/sign-in";

test.describe("sign-in through OpenID Connect", () => {
  test("a voter signs in and sees who they are", async ({ page }) => {
    await signInWithOidc(page, "vera-voter");
    const me = page.getByTestId("signed-in-as");
    // The test IdP's verified email claims the seeded Vera Voss.
    await expect(me).toContainText("Vera Voss");
    await expect(me).toContainText("vera@example.org");
    await expect(me).not.toContainText("Admin");
    await page.screenshot({ path: "e2e/screenshots/auth-signed-in.png" });
  });

  test("the admin named by HUSTINGS_ADMINS is shown as admin", async ({ page }) => {
    await signInWithOidc(page, "ada-admin");
    await expect(page.getByTestId("signed-in-as")).toContainText("Admin");
  });

  test("an email the identity provider has not verified is not trusted", async ({ page }) => {
    await signInWithOidc(page, "uma-unverified");
    const me = page.getByTestId("signed-in-as");
    await expect(me).toContainText("Uma Unverified");
    await expect(me).not.toContainText("uma@example.org");
  });

  test("demo sign-in does not exist when a provider is configured", async ({ page, request }) => {
    const res = await page.goto("/demo");
    expect(res?.status()).toBe(404);
    // Nor does the demo credentials provider.
    const providers = await (await request.get("/api/auth/providers")).json();
    expect(Object.keys(providers)).toEqual(["oidc"]);
  });

  test("sign-out ends the session", async ({ page }) => {
    await signInWithOidc(page, "vera-voter");
    await signOut(page);
    await page.reload();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session).toEqual({});
  });

  test("a callback URL pointing off-site is ignored", async ({ page }) => {
    await signInWithOidc(page, "cory-candidate", "https://evil.example/");
    expect(new URL(page.url()).origin).toBe(`http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3100}`);
  });
});

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  await page.screenshot({ path: "e2e/screenshots/signin.png", fullPage: true });
});
