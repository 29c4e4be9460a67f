// The official's dashboard as a lifecycle checklist (issue 7, point 4): an
// official walks a new election's first steps and sees each step's status
// change as they act, on a desktop and on a 375 px phone; both pass axe, and
// on the phone the page never scrolls sideways and its controls are big enough
// to tap. Screenshots from the demo data go to e2e/screenshots (git-ignored); docs/screenshots holds the copies the docs show.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";
import { utcInput } from "./helpers/utc-input";

// Beacon: the demo instance admin, Ada, is also this community's admin.
const COMMUNITY = "beacon";
const SLUG = `e2e-checklist-${Date.now().toString(36)}`;
const TITLE = `Checklist Committee ${SLUG.slice(-6)}`;
const DASHBOARD = `/c/${COMMUNITY}/elections/${SLUG}/manage`;
const PHONE = { width: 375, height: 740 };
const HOUR = 3_600_000;
test.describe.configure({ timeout: 480_000 });

async function personPage(browser: Browser, login: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {})).newPage();
  page.on("dialog", (d) => void d.accept());
  await signInWithOidc(page, login);
  return page;
}

/** The status each step of the checklist shows, in words, keyed by step. */
async function statuses(page: Page): Promise<Record<string, string>> {
  await expect(page.getByTestId("checklist")).toBeVisible();
  const out: Record<string, string> = {};
  for (const item of await page.getByTestId("checklist").locator(":scope > li").all()) {
    const key = ((await item.getAttribute("data-testid")) ?? "").replace(/^step-/, "");
    out[key] = ((await item.locator("[data-status]").last().textContent()) ?? "").replace(/[^A-Za-z]/g, "");
  }
  return out;
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
}

/** Every visible button, step link and form field of the dashboard's content is at least 40 px tall (radios and checkboxes: their labels are the target). */
async function expectTappable(page: Page) {
  const targets = page.locator("main").locator("button:visible, [data-testid=checklist] a:visible, nav a:visible, summary:visible, input:not([type=hidden]):not([type=radio]):not([type=checkbox]):visible, select:visible");
  const small: string[] = [];
  for (const t of await targets.all()) {
    const box = await t.boundingBox();
    if (box && box.height < 40) small.push(`${(await t.textContent())?.trim() || (await t.getAttribute("name"))}: ${box.height}px`);
  }
  expect(small, `${page.url()}: tap targets under 40 px`).toEqual([]);
}

test("an official follows the checklist from an empty draft to open nominations, on a desktop and a phone", async ({ browser }) => {
  const olu = await personPage(browser, "olu-official");
  const ada = await personPage(browser, "ada-admin");

  await test.step("the community's admin creates the election and appoints the official", async () => {
    await ada.goto(`/c/${COMMUNITY}/admin`);
    const create = ada.getByRole("form", { name: "Create an election" });
    await create.getByLabel("Title", { exact: true }).fill(TITLE);
    await create.getByLabel("Address (optional)", { exact: true }).fill(SLUG);
    await create.getByRole("button", { name: "Create election" }).click();
    await expect(create.getByText(/^✓/)).toBeVisible();
    await ada.reload();
    const appoint = ada.getByRole("form", { name: "Appoint an official" });
    await appoint.getByLabel("Election", { exact: true }).selectOption({ label: `${TITLE} (${SLUG})` });
    await appoint.getByLabel("GitHub login or email", { exact: true }).fill("olu@example.org");
    await appoint.getByRole("button", { name: "Appoint official" }).click();
    await expect(appoint.getByText("is now an official")).toBeVisible();
  });

  await test.step("an empty draft: the rules are next, everything else waits and says what it lacks", async () => {
    await olu.goto(DASHBOARD);
    await expect(olu.getByRole("heading", { level: 1 })).toHaveText(`Official dashboard: ${TITLE}`);
    await expect.poll(() => statuses(olu)).toEqual({
      rules: "Next",
      schedule: "Waiting",
      electorate: "Waiting",
      nominations: "Waiting",
      exceptions: "Waiting",
      close: "Waiting",
      tally: "Waiting",
      review: "Waiting",
      publish: "Waiting",
    });
    await expect(olu.getByTestId("step-rules")).toContainText("No description yet");
    await expect(olu.getByTestId("step-electorate")).toContainText("No electorate imported yet.");
    await expect(olu.getByTestId("step-position")).toHaveText("Overview · next is step 1 of 9: Rules");
    await expectNoSeriousA11yViolations(olu);
  });

  await test.step("importing the electorate marks its step done", async () => {
    await olu.getByRole("link", { name: "Go to step: Electorate" }).click();
    await expect(olu.getByTestId("step-position")).toHaveText("Step 3 of 9: Electorate");
    const form = olu.getByRole("form", { name: "Import electorate" });
    await form.getByLabel("Paste the electorate", { exact: true }).fill(["login,email,name", "vera-voter,vera@example.org,Vera", "cory-candidate,cory@example.org,Cory", "mei-tanaka,mei@example.org,Mei"].join("\n"));
    await form.getByRole("button", { name: "Import electorate" }).click();
    await expect(form.getByText(/the electorate has 3 voters/)).toBeVisible();
    // The side list follows at once.
    await expect(olu.getByRole("navigation", { name: "Dashboard steps" }).getByRole("link", { name: /^Step 3: Electorate\W*Done$/ })).toBeVisible();
    await expectNoSeriousA11yViolations(olu);
    await olu.getByRole("navigation", { name: "Dashboard steps" }).getByRole("link", { name: "Overview" }).click();
    await expect.poll(() => statuses(olu)).toMatchObject({ rules: "Next", electorate: "Done" });
    await expect(olu.getByTestId("step-electorate")).toContainText("3 voters on the roll.");
  });

  await test.step("describing the election completes the rules; the schedule is next", async () => {
    await olu.getByRole("link", { name: "Go to step: Rules" }).click();
    const settings = olu.getByRole("form", { name: "Settings" });
    await settings.getByLabel("Description (Markdown)", { exact: true }).fill("Two seats on the checklist committee.");
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByText("Settings saved.")).toBeVisible();
    await olu.goto(DASHBOARD);
    await expect.poll(() => statuses(olu)).toMatchObject({ rules: "Done", schedule: "Next", electorate: "Done" });
    await expect(olu.getByTestId("step-schedule")).toContainText("No date yet for when nominations open, nominations close, voting opens, voting closes.");
  });

  await test.step("setting the schedule and opening the election moves the checklist to the nominations", async () => {
    await olu.getByRole("link", { name: "Go to step: Schedule and opening" }).click();
    const form = olu.getByRole("form", { name: "Schedule" });
    await form.getByLabel("Nominations open (UTC)", { exact: true }).fill(utcInput(-HOUR));
    await form.getByLabel("Nominations close (UTC)", { exact: true }).fill(utcInput(24 * HOUR));
    await form.getByLabel("Voting opens (UTC)", { exact: true }).fill(utcInput(48 * HOUR));
    await form.getByLabel("Voting closes (UTC)", { exact: true }).fill(utcInput(72 * HOUR));
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(form.getByText("Schedule saved.")).toBeVisible();
    await olu.goto(DASHBOARD);
    await expect(olu.getByTestId("step-schedule")).toContainText("Open the election: it is a draft only officials and admins can see.");
    await olu.getByRole("link", { name: "Go to step: Schedule and opening" }).click();
    await olu.getByRole("button", { name: "Open election" }).click();
    await expect(olu.getByTestId("manage-state")).toHaveText("State: scheduled");
    await olu.goto(DASHBOARD);
    await expect.poll(() => statuses(olu)).toEqual({
      rules: "Done",
      schedule: "Done",
      electorate: "Done",
      nominations: "Next",
      exceptions: "Waiting",
      close: "Waiting",
      tally: "Waiting",
      review: "Waiting",
      publish: "Waiting",
    });
    await expect(olu.getByTestId("step-nominations")).toContainText(/Nominations close \d{1,2} [A-Z][a-z]{2}( \d{4})? \d{2}:\d{2} UTC\./);
  });

  await test.step("on a 375 px phone: one line says where you are, the steps fold under it, nothing scrolls sideways", async () => {
    const phone = await personPage(browser, "olu-official", PHONE);
    await phone.goto(DASHBOARD);
    const switcher = phone.getByTestId("step-switcher");
    await expect(switcher).toBeVisible();
    await expect(switcher.locator("summary")).toContainText("Overview · next is step 4 of 9: Nominations review");
    await expect.poll(() => statuses(phone)).toMatchObject({ electorate: "Done", nominations: "Next" });
    await expectNoSidewaysScroll(phone);
    await expectTappable(phone);
    await expectNoSeriousA11yViolations(phone);

    await switcher.locator("summary").click();
    await switcher.getByRole("link", { name: /^Step 3: Electorate\W*Done$/ }).click();
    await expect(phone.getByTestId("step-switcher").locator("summary")).toContainText("Step 3 of 9: Electorate");
    for (const sub of ["", "/rules", "/schedule", "/electorate", "/nominations", "/exceptions", "/close", "/tally", "/officials", "/audit", "/cancel"]) {
      await phone.goto(`${DASHBOARD}${sub}`);
      await expect(phone.getByTestId("manage-state")).toHaveText("State: scheduled");
      await expectNoSidewaysScroll(phone);
      await expectTappable(phone);
    }
    // The audit table is wider than the phone: it scrolls inside its own box, the page does not.
    await phone.goto(`${DASHBOARD}/audit`);
    const box = phone.getByRole("region", { name: "Audit log (scrolls sideways on small screens)" });
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectNoSeriousA11yViolations(phone);
    await phone.context().close();
  });

  await olu.context().close();
  await ada.context().close();
});

test("screenshots of the checklist dashboard in a mid-lifecycle demo election", async ({ browser }) => {
  // Lighthouse takes nominations and Mei Tanaka's declaration awaits review: the checklist has done, next and waiting steps.
  const dashboard = "/c/lighthouse/elections/lighthouse-tsc-2026/manage";
  const desktop = await personPage(browser, "olu-official", undefined);
  await desktop.setViewportSize({ width: 1280, height: 900 });
  await desktop.goto(dashboard);
  await expect(desktop.getByTestId("step-nominations")).toHaveAttribute("data-status", "next");
  await expect(desktop.getByTestId("step-nominations")).toContainText("awaits review");
  await desktop.screenshot({ path: "e2e/screenshots/dashboard-desktop.png", fullPage: true });
  const phone = await personPage(browser, "olu-official", PHONE);
  await phone.goto(dashboard);
  await expect(phone.getByTestId("step-switcher")).toBeVisible();
  await phone.screenshot({ path: "e2e/screenshots/dashboard-phone.png", fullPage: true });
  await desktop.context().close();
  await phone.context().close();
});

test("every page of a mid-lifecycle dashboard passes axe and keeps to a phone's width", async ({ browser }) => {
  // Lighthouse: declarations to review, an exception request to decide, forms open on most pages.
  const dashboard = "/c/lighthouse/elections/lighthouse-tsc-2026/manage";
  const desktop = await personPage(browser, "olu-official");
  const phone = await personPage(browser, "olu-official", PHONE);
  for (const sub of ["", "/rules", "/schedule", "/electorate", "/nominations", "/exceptions", "/close", "/tally", "/officials", "/audit", "/cancel"]) {
    await desktop.goto(`${dashboard}${sub}`);
    await expect(desktop.getByTestId("manage-state")).toHaveText("State: scheduled");
    await expectNoSeriousA11yViolations(desktop);
    await phone.goto(`${dashboard}${sub}`);
    await expectNoSidewaysScroll(phone);
    await expectTappable(phone);
  }
  await desktop.context().close();
  await phone.context().close();
});

test("every page of the dashboard refuses a voter, a candidate, a member with no role and anonymous, showing nothing of it", async ({ browser }) => {
  const dashboard = "/c/lighthouse/elections/lighthouse-tsc-2026/manage";
  const people = [
    ["voter", await personPage(browser, "vera-voter")],
    ["candidate", await personPage(browser, "mei-tanaka")],
    ["no role", await personPage(browser, "wenli")],
    ["anonymous", await (await browser.newContext()).newPage()],
  ] as const;
  for (const [who, page] of people) {
    for (const sub of ["", "/rules", "/schedule", "/electorate", "/nominations", "/exceptions", "/close", "/tally", "/officials", "/audit", "/cancel"]) {
      const where = `${who} on manage${sub}`;
      await page.goto(`${dashboard}${sub}`);
      await expect(page.getByTestId("forbidden"), where).toContainText("Forbidden: only the officials of Lighthouse Technical Steering Committee 2026 can manage it.");
      await expect(page.getByRole("navigation", { name: "Dashboard steps" }), where).toHaveCount(0);
      await expect(page.getByTestId("checklist"), where).toHaveCount(0);
      await expect(page.getByTestId("manage-state"), where).toHaveCount(0);
      await expect(page.locator("main form"), where).toHaveCount(0);
      const text = await page.locator("main").innerText();
      expect(text, where).not.toMatch(/Mei Tanaka|Electorate|Nominations review|Audit log|Close voting|exception request/i);
    }
    if (who === "anonymous") await expect(page.locator("main").getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute("href", /callbackUrl=%2Fc%2Flighthouse%2Felections%2Flighthouse-tsc-2026%2Fmanage%2Fcancel/);
    await page.context().close();
  }
});
