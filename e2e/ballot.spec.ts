// The ranked ballot as a voter meets it (issue 8, item 8 and defect 1): on a
// phone, in the demo's Harbor election (voting open), signed in as a demo voter
// who does not submit — hardening.spec votes there as Vera later — and, for
// submitting and replacing, as another demo voter (Wen Li). The early close is
// checked on an election of this spec's own, so nothing shared is closed.
import { devices, expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { appointOfficial, createElection, DEMO, demoHref, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";
import { utcInput } from "./helpers/utc-input";

const { defaultBrowserType: _unused, ...pixel5 } = devices["Pixel 5"];
/** A Pixel 5 narrowed to 375 px, the narrowest phone the issue names. */
const PHONE: BrowserContextOptions = { ...pixel5, viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 };
const VOTE = demoHref("harbor", "/vote");
const CANDIDATES = ["Priya Raman", "Hannah Okafor", "Mateo Silva", "Jonas Lindqvist", "Grace Whitfield", "Mei Tanaka"];

async function signedIn(browser: Browser, login: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  // Officials' actions confirm with window.confirm.
  page.on("dialog", (d) => void d.accept());
  await signInWithOidc(page, login);
  return page;
}

/** The candidates' names in the order the ballot lists them (all unranked on a fresh ballot). */
async function listedOrder(page: Page): Promise<string[]> {
  const rows = page.getByRole("list", { name: "Candidates not ranked" }).getByTestId("ballot-candidate");
  await expect(rows).toHaveCount(CANDIDATES.length);
  const texts = await rows.allTextContents();
  return texts.map((t) => CANDIDATES.find((n) => t.includes(n)) ?? `?${t}`);
}

async function addAsNextRank(page: Page, name: string) {
  await page.getByRole("button", { name: new RegExp(`^Add as rank \\d+ \\(${name}\\)$`) }).click();
  await expect(page.getByTestId("ballot-announcer")).toContainText(`${name} is now rank`);
}

test.describe("the ballot on a phone, in the demo's open election", () => {
  let vera: Page;
  test.beforeAll(async ({ browser }) => {
    vera = await signedIn(browser, "vera-voter", PHONE);
  });
  test.afterAll(async () => {
    await vera.context().close();
  });

  test.beforeEach(async () => {
    await vera.goto(VOTE);
    await expect(vera.getByRole("heading", { level: 1, name: `Vote: ${DEMO.harbor.title}` })).toBeVisible();
  });

  test("candidates are listed in an order shuffled for this voter, the same on every visit", async () => {
    await expect(vera.getByText("Candidates are listed in an order shuffled for you.")).toBeVisible();
    const first = await listedOrder(vera);
    expect([...first].sort()).toEqual([...CANDIDATES].sort());
    await vera.reload();
    expect(await listedOrder(vera)).toEqual(first);
  });

  test("a candidate's name opens their statement without losing the ranking", async () => {
    const order = await listedOrder(vera);
    await addAsNextRank(vera, order[0]);
    await addAsNextRank(vera, order[1]);
    const ranked = vera.getByRole("list", { name: "Ranks, best first" });
    const before = await ranked.textContent();

    // The name of an unranked candidate links to their statement page…
    const link = vera.getByRole("link", { name: `${order[2]}: read the statement` });
    await expect(link).toHaveAttribute("href", /\/candidates\//);
    await link.click();
    // …and opens it over the ballot, in a dialog that holds the focus.
    const dialog = vera.getByRole("dialog", { name: order[2] });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading", { name: "Statement" })).toBeVisible();
    await expect(dialog.locator("p").first()).not.toBeEmpty();
    await expectNoSeriousA11yViolations(vera);
    await vera.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(link).toBeFocused();

    // A ranked candidate's statement, closed with its button this time.
    await vera.getByRole("link", { name: `${order[0]}: read the statement` }).click();
    const second = vera.getByRole("dialog", { name: order[0] });
    await expect(second).toBeVisible();
    await second.getByRole("button", { name: "Back to the ballot" }).click();
    await expect(second).toBeHidden();

    await expect(ranked).toHaveText(before ?? "");
    await expect(vera.getByRole("heading", { name: "Not ranked (4)" })).toBeVisible();
  });

  test("the tie control offers the last rank first", async () => {
    const order = await listedOrder(vera);
    for (const name of order.slice(0, 3)) await addAsNextRank(vera, name);
    await expect(vera.getByLabel(`Rank to tie ${order[3]} with`, { exact: true })).toHaveValue("2");
    await vera.getByRole("button", { name: `Tie ${order[3]} with the selected rank` }).click();
    await expect(vera.getByTestId("ballot-announcer")).toHaveText(`${order[3]} is now rank 3, tied with ${order[2]}.`);
  });

  test("the drag handle is no Tab stop and says how to drag", async () => {
    await expect(vera.getByText("Drag by the handle, or use the buttons.")).toBeVisible();
    const handles = vera.getByTestId("drag-handle");
    await expect(handles).toHaveCount(CANDIDATES.length);
    for (const handle of await handles.all()) {
      expect(await handle.evaluate((el) => (el as HTMLElement).tabIndex)).toBe(-1);
      await expect(handle).toHaveAttribute("title", /^Drag to move /);
    }
    // Tabbing from the first candidate's name to the next control skips the handle.
    const rows = vera.getByRole("list", { name: "Candidates not ranked" }).getByTestId("ballot-candidate");
    await rows.nth(1).getByRole("link").focus();
    await vera.keyboard.press("Shift+Tab");
    expect(await vera.evaluate(() => document.activeElement?.getAttribute("data-testid"))).not.toBe("drag-handle");
  });

  test("every control of the ballot is at least 44 × 44 px, and the page says what a lost receipt means before submitting", async () => {
    const order = await listedOrder(vera);
    await addAsNextRank(vera, order[0]);
    await addAsNextRank(vera, order[1]);
    const ballot = vera.getByTestId("ranking-ballot");
    const small: string[] = [];
    const targets = await ballot.locator("button:visible, a:visible, select:visible, input:visible, [data-testid=drag-handle]").all();
    // Two ranked and four unranked candidates: names, handles, move, add and tie controls.
    expect(targets.length).toBeGreaterThan(20);
    for (const target of targets) {
      const box = await target.boundingBox();
      if (box && (box.width < 44 || box.height < 44)) small.push(`${(await target.textContent())?.trim() || (await target.getAttribute("title"))}: ${box.width}×${box.height}`);
    }
    expect(small).toEqual([]);
    await expect(ballot).toContainText("If you lose your receipt, nobody can recover it");
    await expectNoSeriousA11yViolations(vera);
    await vera.screenshot({ path: "e2e/screenshots/ballot-phone-after.png", fullPage: true });

    await vera.getByRole("button", { name: "Review my ballot" }).click();
    const review = vera.getByRole("region", { name: "Review your ballot" });
    await expect(review).toContainText("If you lose your receipt, nobody can recover it");
    await expect(review).toContainText("the server cannot link you to your ballot");
  });
});

test("after submitting, focus is on the receipt; after a replacement the old “already voted” box is gone", async ({ browser }) => {
  test.slow();
  const wen = await signedIn(browser, "wenli");
  await wen.goto(VOTE);
  await wen.getByRole("button", { name: /^Add as rank 1 / }).first().click();
  await wen.getByRole("button", { name: "Review my ballot" }).click();
  await wen.getByRole("button", { name: "Submit my ballot" }).click();
  await expect(wen.getByRole("heading", { name: "Your ballot is recorded" })).toBeFocused();
  const code = ((await wen.getByTestId("receipt-code").textContent()) ?? "").trim();

  await wen.goto(VOTE);
  await expect(wen.getByTestId("already-voted")).toBeVisible();
  await wen.getByLabel("Receipt code", { exact: true }).fill(code);
  await wen.getByRole("button", { name: "Check my ballot" }).click();
  await expect(wen.getByText("Replacing your ballot.")).toBeVisible();
  await wen.getByRole("button", { name: /^Add as rank 2 / }).first().click();
  await wen.getByRole("button", { name: "Review my ballot" }).click();
  await wen.getByRole("button", { name: "Replace my ballot" }).click();
  await expect(wen.getByRole("heading", { name: "Your ballot was replaced" })).toBeFocused();
  await expect(wen.getByTestId("already-voted")).toHaveCount(0);
  await expectNoSeriousA11yViolations(wen);
  await wen.context().close();
});

test("after an early close the vote page says when voting really closed, not the scheduled end", async ({ browser }) => {
  // Three sign-ins, a community, an election, its schedule and its close, all through the pages: minutes on a loaded 2-core machine.
  test.setTimeout(360_000);
  const community = uniqueCommunity("ballot");
  const slug = `e2e-early-${Date.now().toString(36)}`;
  const title = `Early Close ${slug.slice(-6)}`;
  const url = (rest = "") => electionHref(community.slug, slug, rest);
  const HOUR = 3_600_000;

  const olu = await signedIn(browser, "olu-official");
  const ada = await signedIn(browser, "ada-admin");
  await ensureCommunity(ada, community, [{ name: "Ada Admin", login: "ada@example.org" }]);
  await createElection(ada, community.slug, { title, slug });
  await appointOfficial(ada, community.slug, { title, slug }, "olu@example.org");

  await olu.goto(url("/manage/schedule"));
  const form = olu.getByRole("form", { name: "Schedule" });
  await form.getByLabel("Nominations open (UTC)", { exact: true }).fill(utcInput(-3 * HOUR));
  await form.getByLabel("Nominations close (UTC)", { exact: true }).fill(utcInput(-2 * HOUR));
  await form.getByLabel("Voting opens (UTC)", { exact: true }).fill(utcInput(-HOUR));
  await form.getByLabel("Voting closes (UTC)", { exact: true }).fill(utcInput(72 * HOUR));
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByText("Schedule saved.")).toBeVisible();
  await olu.getByRole("button", { name: "Open election" }).click();
  await expect(olu.getByTestId("manage-state")).toHaveText("State: scheduled");
  await olu.goto(url("/manage/close"));
  await olu.getByRole("button", { name: "Close voting" }).click();
  await expect(olu.getByTestId("manage-state")).toHaveText("State: closed");
  const closedAt = Date.now();

  await ada.goto(url("/vote"));
  const refused = ada.getByTestId("vote-refused");
  await expect(refused).toContainText("Voting closed");
  const shown = Date.parse((await refused.locator("time").getAttribute("datetime")) ?? "");
  // The moment of the close (give or take the round trip), never the scheduled end three days ahead.
  expect(Math.abs(shown - closedAt)).toBeLessThan(5 * 60_000);
  await expectNoSeriousA11yViolations(ada);
  await olu.context().close();
  await ada.context().close();
});
