// The home page, the header and the community page as people meet them (issue 8):
// an election closed early shows when voting really ended, a cancelled one says
// so with its public reason and sorts after the live ones, and the header and
// home page show the signed-in person what waits on them, with counts and
// links straight to where it is done.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { appointOfficial, communityHref, createElection, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";
import { saveSchedule } from "./helpers/schedule";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A datetime-local value (the manage form reads it as UTC) `ms` from now. */
/** How LocalTime writes a day in UTC ("30 Nov 2026"). */
const utcDay = (ms: number) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.now() + ms));
/** "Cancelled 30 Nov 2026, 01:02 UTC: <reason>", as the lists write it (the browser runs in UTC). */
const cancelledToday = () => new RegExp(`Cancelled ${utcDay(0)}, \\d{2}:\\d{2} UTC: ${REASON.replace(/[.;]/g, "\\$&")}`);

/** A browser of its own per person: the test IdP remembers who signed in last. */
async function personPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // Official actions ask for confirmation with window.confirm.
  page.on("dialog", (d) => void d.accept());
  await signInWithOidc(page, login);
  return page;
}

const COMMUNITY = uniqueCommunity("home");
const tag = COMMUNITY.slug.slice(-6);
// Created in this order: the cancelled one last, so a list by creation date would put it first.
const LIVE = { slug: `live-${tag}`, title: `Live ${tag}` };
const EARLY = { slug: `early-${tag}`, title: `Closed early ${tag}` };
const CANCELLED = { slug: `cancelled-${tag}`, title: `Cancelled ${tag}` };
const REASON = "The charter changed; a new election follows in spring.";
const EARLY_SCHEDULED_CLOSE = 6 * DAY;

async function scheduleAndOpen(olu: Page, e: { slug: string }, t: { nomOpen: number; nomClose: number; voteOpen: number; voteClose: number }) {
  await saveSchedule(olu, electionHref(COMMUNITY.slug, e.slug, "/manage/schedule"), t);
  await olu.getByRole("button", { name: "Open election" }).click();
  await expect(olu.getByTestId("manage-state")).toHaveText("State: scheduled");
}

/** The home page's card of an election, found by its title. */
const homeCard = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });

// First, before this file makes elections of its own: the screenshots show the demo as a person finds it.
for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 375, height: 740 }],
] as const) {
  test(`the home page and header pass axe signed in and out, on a ${device}, and fit the screen`, async ({ browser }) => {
    // A sign-in and two axe runs: slow on a shared machine.
    test.slow();
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Elections" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await signInWithOidc(page, "olu-official");
    await expect(page.getByRole("region", { name: /^Needs your attention/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: `e2e/screenshots/home-official${device === "phone" ? "-phone" : ""}-after.png`, fullPage: device === "phone" });
    // The header's link is reachable from the keyboard, its counts in its name.
    const needsYou = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Needs you/ });
    await needsYou.focus();
    await expect(needsYou).toBeFocused();
    await expect(needsYou).toHaveAccessibleName(/^Needs you ?: (Vote|Declare|Exception|Manage|Admin) \d+/);
    await page.context().close();
  });
}

test.describe("with elections of its own", () => {
  // One story in steps: the elections are made once, then opened, closed and cancelled.
  test.describe.configure({ mode: "serial" });

  let ada: Page;
  let olu: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    ada = await personPage(browser, "ada-admin");
    olu = await personPage(browser, "olu-official");
    await ensureCommunity(ada, COMMUNITY, [{ name: "Ada Admin", login: "ada@example.org" }]);
    for (const e of [LIVE, EARLY, CANCELLED]) {
      await createElection(ada, COMMUNITY.slug, e);
      await appointOfficial(ada, COMMUNITY.slug, e, "olu@example.org");
    }
  });

  test.afterAll(async () => {
    for (const p of [ada, olu]) await p?.context().close();
  });

  test("the official's header and home page list each election waiting on them, with counts and a link straight to its page", async () => {
    // Three drafts of this community wait on Olu (and whatever the demo left him).
    await olu.goto("/");
    const needsYou = olu.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Needs you/ });
    await expect(needsYou).toHaveAccessibleName(/Manage \d+/);
    const manageCount = Number((await needsYou.textContent())?.match(/Manage (\d+)/)?.[1]);
    expect(manageCount).toBeGreaterThanOrEqual(3);

    const section = olu.getByRole("region", { name: /^Needs your attention/ });
    const items = section.getByRole("listitem");
    await expect(section.getByRole("heading", { level: 3, name: `Manage (${manageCount})` })).toBeVisible();
    for (const e of [LIVE, EARLY, CANCELLED]) {
      const item = items.filter({ hasText: e.title });
      await expect(item).toHaveCount(1);
      await expect(item.getByRole("link")).toHaveAttribute("href", electionHref(COMMUNITY.slug, e.slug, "/manage"));
    }
    // Olu holds no admin role: no admin items, and nobody else's.
    await expect(section.getByRole("heading", { name: /^Admin/ })).toHaveCount(0);

    // The header's link goes to the list; an item's link to the page where it is done.
    await needsYou.click();
    await expect(olu).toHaveURL(/\/#needs-you$/);
    await items.filter({ hasText: LIVE.title }).getByRole("link").click();
    await expect(olu).toHaveURL(new RegExp(`${electionHref(COMMUNITY.slug, LIVE.slug, "/manage")}$`));
  });

  test("an admin is shown the administration pages; someone with no role sees none of them", async ({ browser }) => {
    await ada.goto("/");
    const section = ada.getByRole("region", { name: /^Needs your attention/ });
    await expect(section.getByRole("link", { name: /Administer this instance/ })).toHaveAttribute("href", "/admin");
    await expect(section.getByRole("link", { name: new RegExp(`Administer the community.*${COMMUNITY.name}`) })).toHaveAttribute("href", communityHref(COMMUNITY.slug, "/admin"));
    await expect(ada.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Needs you/ })).toHaveAccessibleName(/Admin \d+/);
    // None of Olu's elections is Ada's to manage (she administers their community, but is not their official).
    await expect(section.getByText(LIVE.title)).toHaveCount(0);
    await expectNoSeriousA11yViolations(ada);

    // Ines runs nothing and administers nothing: none of Olu's or Ada's items reach her (other specs may leave her an exception request).
    const ines = await personPage(browser, "ines-ineligible");
    await ines.goto("/");
    await expect(ines.getByRole("heading", { level: 1, name: "Elections" })).toBeVisible();
    await expect(ines.getByRole("link", { name: /^Needs you.*(Manage|Admin)/ })).toHaveCount(0);
    await expect(ines.getByTestId("needs-you-item").filter({ hasText: new RegExp(`${tag}|Administer`) })).toHaveCount(0);
    await ines.context().close();
  });

  test("an election closed early shows when voting really ended, and a cancelled one its reason, after the live ones", async ({ page }) => {
    test.setTimeout(240_000);
    // Live: nominations open tomorrow. Closed early: voting opened an hour ago, scheduled to close in six days.
    await scheduleAndOpen(olu, LIVE, { nomOpen: DAY, nomClose: 2 * DAY, voteOpen: 3 * DAY, voteClose: 4 * DAY });
    await scheduleAndOpen(olu, EARLY, { nomOpen: -3 * HOUR, nomClose: -2 * HOUR, voteOpen: -HOUR, voteClose: EARLY_SCHEDULED_CLOSE });
    await olu.goto(electionHref(COMMUNITY.slug, EARLY.slug, "/manage/close"));
    await olu.getByRole("button", { name: "Close voting" }).click();
    await expect(olu.getByTestId("manage-state")).toHaveText("State: closed");
    await scheduleAndOpen(olu, CANCELLED, { nomOpen: DAY, nomClose: 2 * DAY, voteOpen: 3 * DAY, voteClose: 4 * DAY });
    await ada.goto(electionHref(COMMUNITY.slug, CANCELLED.slug, "/manage/cancel"));
    await ada.getByLabel("Reason (public)", { exact: true }).fill(REASON);
    await ada.getByRole("button", { name: "Cancel election" }).click();
    await expect(ada.getByTestId("manage-state")).toHaveText("State: cancelled");

    // Anyone, signed out, on the home page.
    await page.goto("/");
    const group = page.locator("section", { has: page.getByRole("heading", { level: 2, name: COMMUNITY.name }) });
    const titles = group.getByRole("listitem").getByRole("heading", { level: 3 });
    await expect(titles).toHaveText([LIVE.title, EARLY.title, CANCELLED.title]);

    const early = homeCard(page, EARLY.title);
    await expect(early).toContainText(`Voting closed: ${utcDay(0)}`);
    await expect(early).not.toContainText("Voting closes");
    await expect(early).not.toContainText(utcDay(EARLY_SCHEDULED_CLOSE));

    const cancelled = homeCard(page, CANCELLED.title);
    await expect(cancelled).toContainText(cancelledToday());
    await expect(cancelled).not.toContainText("Nominations open");
    await expectNoSeriousA11yViolations(page);

    // The community page: the early close under Past with its real end; the cancelled one in its own group, last.
    await page.goto(communityHref(COMMUNITY.slug));
    const section = (name: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name, exact: true }) });
    await expect(section("Upcoming").getByRole("link", { name: LIVE.title })).toBeVisible();
    const past = section("Past").getByRole("listitem").filter({ hasText: EARLY.title });
    await expect(past).toContainText(`Voting closed: ${utcDay(0)}`);
    await expect(past).not.toContainText(utcDay(EARLY_SCHEDULED_CLOSE));
    await expect(section("Past").getByText(CANCELLED.title)).toHaveCount(0);
    await expect(section("Cancelled").getByRole("listitem").filter({ hasText: CANCELLED.title })).toContainText(cancelledToday());
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.indexOf("Cancelled")).toBeGreaterThan(headings.indexOf("Past"));
    await expectNoSeriousA11yViolations(page);

    // Olu's list no longer asks him to set up what is done: the closed one asks for the count, the cancelled one nothing.
    await olu.goto("/");
    const items = olu.getByRole("region", { name: /^Needs your attention/ }).getByRole("listitem");
    await expect(items.filter({ hasText: EARLY.title })).toContainText("Count the votes");
    await expect(items.filter({ hasText: CANCELLED.title })).toHaveCount(0);
    await expect(items.filter({ hasText: LIVE.title })).toHaveCount(0);
  });
});
