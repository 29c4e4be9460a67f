// Links from before communities (/elections/<slug>/...) keep working in a
// browser: a public election's old link lands on its page in its community, a
// draft's old link exists only for the people who may see the draft, and a slug
// two communities share is answered, not guessed.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { appointOfficial, createElection, DEMO, demoHref, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { APP_URL } from "./helpers/server-actions";
import { signInWithOidc } from "./helpers/sign-in";

async function signedIn(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithOidc(page, login);
  return page;
}

test("a public election's old link lands on its page in its community, sub-page and query kept", async ({ page }) => {
  const r = await page.goto(`/elections/${DEMO.lighthouse.slug}`);
  expect(r?.status()).toBe(200);
  expect(page.url()).toBe(`${APP_URL}${demoHref("lighthouse")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO.lighthouse.title);

  await page.goto(`/elections/${DEMO.beacon.slug}/results?from=newsletter`);
  expect(page.url()).toBe(`${APP_URL}${demoHref("beacon", "/results?from=newsletter")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results: ${DEMO.beacon.title}`);

  // The redirect itself: permanent (308 keeps the method), to a path on this site.
  const raw = await page.request.get(`/elections/${DEMO.beacon.slug}/results?from=newsletter`, { maxRedirects: 0 });
  expect(raw.status()).toBe(308);
  expect(raw.headers()["location"]).toBe(demoHref("beacon", "/results?from=newsletter"));
  // A slug no election has is a plain 404.
  expect((await page.request.get("/elections/no-such-election", { maxRedirects: 0 })).status()).toBe(404);
});

test("an old export link keeps working: the published ballots, as from the new address", async ({ request }) => {
  const old = await request.get(`/elections/${DEMO.beacon.slug}/export?format=json`);
  expect(old.status()).toBe(200);
  expect(old.url()).toBe(`${APP_URL}${demoHref("beacon", "/export?format=json")}`);
  type Export = { candidates: unknown[]; ballots: unknown[] };
  const exported = (await old.json()) as Export;
  const direct = (await (await request.get(demoHref("beacon", "/export?format=json"))).json()) as Export;
  expect(exported.ballots.length).toBeGreaterThan(0);
  expect(exported.candidates).toEqual(direct.candidates);
  // Each export shuffles the ballots: the same ballots, in any order.
  const sorted = (e: Export) => e.ballots.map((b) => JSON.stringify(b)).sort();
  expect(sorted(exported)).toEqual(sorted(direct));
  // Other formats too, and a bad one is still refused with its status.
  const csv = await request.get(`/elections/${DEMO.beacon.slug}/export?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = async (r: { text(): Promise<string> }) => (await r.text()).trim().split("\n").sort();
  expect(await lines(csv)).toEqual(await lines(await request.get(demoHref("beacon", "/export?format=csv"))));
  expect((await request.get(`/elections/${DEMO.beacon.slug}/export?format=xml`)).status()).toBe(400);
  // Before publication the redirect does not open the ballots either.
  expect((await request.get(`/elections/${DEMO.harbor.slug}/export?format=json`)).status()).toBe(403);
});

test("a draft's old link is 404 to strangers and leads its official and its community's admin to it; a shared slug is answered with 300", async ({ browser }) => {
  test.setTimeout(180_000);
  const community = uniqueCommunity("old-links");
  const slug = `e2e-old-link-${Date.now().toString(36)}`;
  const title = `Old Link Draft ${slug.slice(-6)}`;
  // Wen must have signed in once before she can be appointed.
  const wen = await signedIn(browser, "wenli");
  const vera = await signedIn(browser, "vera-voter");
  const ada = await signedIn(browser, "ada-admin");
  await ensureCommunity(ada, community, [{ name: "Ada Admin", login: "ada@example.org" }]);
  await createElection(ada, community.slug, { title, slug, seats: 1 });
  await appointOfficial(ada, community.slug, { title, slug }, "wen@example.org");

  const anonymous = await (await browser.newContext()).newPage();
  for (const [who, page] of [["anonymous", anonymous], ["a voter", vera]] as const) {
    for (const rest of ["", "/manage", "/results"]) {
      const r = await page.goto(`/elections/${slug}${rest}`);
      expect(r?.status(), `${who} ${rest}`).toBe(404);
      expect(new URL(page.url()).pathname, `${who} ${rest}`).toBe(`/elections/${slug}${rest}`);
      expect(await page.locator("body").innerText(), who).not.toContain(title);
      expect(await page.locator("body").innerText(), who).not.toContain(community.slug);
    }
  }

  // Its official follows the old link to the dashboard.
  await wen.goto(`/elections/${slug}/manage`);
  expect(wen.url()).toBe(`${APP_URL}${electionHref(community.slug, slug, "/manage")}`);
  await expect(wen.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(wen.getByTestId("forbidden")).toHaveCount(0);
  // Its community's admin to its page.
  await ada.goto(`/elections/${slug}`);
  expect(ada.url()).toBe(`${APP_URL}${electionHref(community.slug, slug)}`);
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText(title);

  // The same address in a second community of Ada's: for her the old link is ambiguous, and says so.
  const second = uniqueCommunity("old-links-2");
  await ensureCommunity(ada, second, [{ name: "Ada Admin", login: "ada@example.org" }]);
  await createElection(ada, second.slug, { title: `${title} (second)`, slug, seats: 1 });
  const shared = await ada.request.get(`/elections/${slug}`, { maxRedirects: 0 });
  expect(shared.status()).toBe(300);
  expect(shared.headers()["location"]).toBeUndefined();
  expect(await shared.text()).toContain("Several communities hold an election at this address");
  // Wen may see only the first draft: hers is the only one counted, and nothing names the second.
  const hers = await wen.request.get(`/elections/${slug}/vote?x=1`, { maxRedirects: 0 });
  expect(hers.status()).toBe(308);
  expect(hers.headers()["location"]).toBe(electionHref(community.slug, slug, "/vote?x=1"));
  // Strangers still learn nothing.
  for (const page of [anonymous, vera]) {
    const r = await page.request.get(`/elections/${slug}`, { maxRedirects: 0 });
    expect(r.status()).toBe(404);
    expect(await r.text()).not.toContain(second.slug);
  }
  for (const page of [wen, vera, ada, anonymous]) await page.context().close();
});
