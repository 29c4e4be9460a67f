// Communities as visitors, members and admins meet them (issue 7): the
// community page with its committee and elections on a desktop and a phone,
// "my elections" for a demo voter, and a community admin appointed by the
// instance admin who then, alone, reaches the community's admin page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInWithOidc, signOut } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

// The demo seed's communities (lib/demo/communities.ts).
const BEACON = { slug: "beacon", name: "Beacon Foundation", election: "Beacon Foundation Board 2025" };
const HARBOR_VOTE = "Harbor Project Architecture Committee — Spring 2026";
const LIGHTHOUSE_NOMINATIONS = "Lighthouse Technical Steering Committee 2026";

// A 1x1 transparent PNG.
const PNG_1PX = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A browser of its own per person: the test IdP remembers who signed in last. */
async function personPage(browser: Browser, login: string, callbackUrl = "/"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithOidc(page, login, callbackUrl);
  return page;
}

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 740 }],
] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });

    test("the community page shows its committee's members from the published result and its past election", async ({ page }) => {
      await page.goto(`/c/${BEACON.slug}`);
      await expect(page.getByRole("heading", { level: 1, name: BEACON.name })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`^${BEACON.name} · Hustings`));
      const committee = page.getByTestId("committee");
      await expect(committee).toHaveCount(1);
      // Three seats, all filled by the published count; each member named once.
      await expect(committee.getByRole("listitem")).toHaveCount(3);
      await expect(committee.getByRole("link", { name: BEACON.election })).toHaveAttribute("href", /\/c\/beacon\/elections\/[^/]+\/results$/);
      const past = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Past" }) });
      await expect(past.getByRole("link", { name: BEACON.election })).toBeVisible();
      await expect(past.getByText("Results published")).toBeVisible();
      // Nothing of the page is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: `e2e/screenshots/community-${device}.png`, fullPage: true });
    });
  });
}

test("an unknown community is a 404", async ({ page }) => {
  const res = await page.goto("/c/no-such-community");
  expect(res?.status()).toBe(404);
});

test("the instance page lists every community with its open elections", async ({ page }) => {
  await page.goto("/communities");
  const cards = page.getByTestId("community-card");
  const card = (name: string) => cards.filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(card(BEACON.name)).toContainText("No open elections");
  // Harbor's imported draft is not open: only its vote counts.
  await expect(card("Harbor Project")).toContainText("1 open election");
  await expectNoSeriousA11yViolations(page);
});

test("a demo voter sees their open elections across communities, with whether they voted, and nothing else", async ({ page }) => {
  // A sign-in and two axe runs: slow on a shared machine.
  test.slow();
  await page.goto("/my/elections");
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await signInWithOidc(page, "vera-voter", "/my/elections");
  await expect(page.getByRole("heading", { level: 1, name: "My elections" })).toBeVisible();
  const voting = page.getByRole("list", { name: "Elections you may vote in" }).getByTestId("voter-election");
  await expect(voting).toHaveCount(1);
  await expect(voting.first()).toContainText(HARBOR_VOTE);
  // Only whether they voted: one of the two badges, nothing of a ballot.
  await expect(voting.first().getByText(/^(Voted|Not yet voted)$/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Elections taking nominations" })).toContainText(LIGHTHOUSE_NOMINATIONS);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/my-elections.png", fullPage: true });
  // The header leads here, and the home page shows the same election.
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My elections" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Elections you may vote in" })).toContainText(HARBOR_VOTE);
  await expect(page.getByTestId("community-card").filter({ has: page.getByRole("link", { name: BEACON.name, exact: true }) })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/home-signed-in.png", fullPage: true });
  await signOut(page);
});

test("the instance admin appoints a community admin, who then reaches its admin page; another member is refused", async ({ browser }) => {
  // Four people sign in through the IdP: slow on a shared machine.
  test.slow();
  const slug = `e2e-${Date.now().toString(36)}`;
  // The future admin must have signed in once.
  const cory = await personPage(browser, "cory-candidate");

  const ada = await personPage(browser, "ada-admin", "/admin");
  await expect(ada.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" })).toBeVisible();
  await expect(ada.getByRole("link", { name: "communities page" })).toHaveAttribute("href", "/communities");
  const create = ada.getByRole("form", { name: "Create a community" });
  await create.getByLabel("Name").fill(`E2E Community ${slug}`);
  await create.getByLabel("Address").fill(slug);
  await create.getByRole("button", { name: "Create community" }).click();
  await expect(create.getByText(`Created /c/${slug}`)).toBeVisible();
  await ada.reload();
  const appoint = ada.getByRole("form", { name: "Appoint a community admin" });
  await appoint.getByLabel("Community").selectOption({ label: `E2E Community ${slug} (${slug})` });
  await appoint.getByLabel("GitHub login or email").fill("cory-candidate");
  await appoint.getByRole("button", { name: "Appoint admin" }).click();
  // The confirmation names the person found and the community, not the login typed.
  await expect(appoint.getByText(`is now an admin of E2E Community ${slug}.`)).toBeVisible();

  await cory.goto(`/c/${slug}/admin`);
  await expect(cory.getByRole("heading", { level: 1, name: `Administration: E2E Community ${slug}` })).toBeVisible();
  await expect(cory.getByTestId("forbidden")).toHaveCount(0);
  // The appointment is in the community's recent changes, and the header offers the page.
  await expect(cory.getByRole("table", { name: /Recent audit entries/ })).toContainText("community.admin-appointed");
  await expect(cory.getByRole("navigation", { name: "Main" }).getByRole("link", { name: `Administer E2E Community ${slug}` })).toBeVisible();
  // The admin edits the profile; the public page shows it.
  const profile = cory.getByRole("form", { name: "Community profile and default rules" });
  await profile.getByLabel("Description (Markdown)").fill("We keep **lighthouses** lit.");
  await profile.getByLabel("Committee name").fill("Keepers Council");
  await profile.getByRole("button", { name: "Save profile and defaults" }).click();
  await expect(profile.getByText("Saved.")).toBeVisible();
  // A logo: an SVG is refused whatever it is called; a PNG is kept and served as one, never sniffed.
  const upload = cory.getByRole("form", { name: "Upload a logo" });
  await upload.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await upload.getByRole("button", { name: "Upload logo" }).click();
  await expect(upload.getByRole("alert")).toContainText("PNG, JPEG or WebP");
  await upload.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG_1PX });
  await upload.getByRole("button", { name: "Upload logo" }).click();
  await expect(upload.getByText("Logo saved.")).toBeVisible();
  const logo = await cory.request.get(`/c/${slug}/logo`);
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toBe("image/png");
  expect(logo.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await logo.body()).equals(PNG_1PX)).toBe(true);
  await expectNoSeriousA11yViolations(cory);
  await cory.screenshot({ path: "e2e/screenshots/community-admin.png", fullPage: true });
  await cory.goto(`/c/${slug}`);
  await expect(cory.locator("main strong", { hasText: "lighthouses" })).toBeVisible();
  await expect(cory.getByRole("main").getByRole("link", { name: `Administer E2E Community ${slug}` })).toBeVisible();

  const ines = await personPage(browser, "ines-ineligible", `/c/${slug}/admin`);
  await expect(ines.getByTestId("forbidden")).toContainText("Forbidden");
  await expect(ines.getByRole("form", { name: "Community profile and default rules" })).toHaveCount(0);
  // Nor does the public page offer it to her.
  await ines.goto(`/c/${slug}`);
  await expect(ines.getByRole("link", { name: /^Administer/ })).toHaveCount(0);
});
