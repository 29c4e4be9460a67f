// What people see of an election's end (issue 8, items 1, 2, 7 and the
// "Publish" button of item 9): the real end of voting after an early close, a
// cancelled election with its public reason, and results whose winners box
// says in plain words what the affiliation cap and a tie at the seat line did.
// Each test makes its own community and election: the demo database is shared.
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { appointOfficial, createElection, demoHref, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";
import { saveSchedule } from "./helpers/schedule";

// Four declarations: two of them will be confirmed as "Acme" so that, with one
// seat per affiliation, one election shows both a cap skip and a seat-line tie.
const FOLDER = path.join(import.meta.dirname, "fixtures", "kata-cap-tie");
const ADA = { name: "Ada Admin", login: "ada-admin", email: "ada@example.org" };
const VERA = { login: "vera-voter", email: "vera@example.org" };
const TITLE = "Cap and Tie Committee Elections: 2030";

const MIN = 60_000;
const HOUR = 60 * MIN;
/** A datetime-local value (the manage form reads it as UTC) `ms` from now. */
async function personPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // Official actions ask for confirmation with window.confirm.
  page.on("dialog", (d) => void d.accept());
  await signInWithOidc(page, login);
  return page;
}

/**
 * On a narrow screen a wide table says it scrolls, and scrolling it sideways
 * moves the numbers but not the row names (sticky first column); the page
 * itself never scrolls sideways.
 */
async function expectRowNamesStayWhileScrolling(page: Page, frame: Locator) {
  await frame.scrollIntoViewIfNeeded();
  await expect(frame.locator("xpath=..").getByTestId("scroll-cue")).toHaveText(/Scroll sideways to see every column/);
  const rowName = frame.getByRole("rowheader").first();
  const firstCell = frame.locator("tbody tr").first().locator("td").first();
  const nameBefore = (await rowName.boundingBox())!;
  const cellBefore = (await firstCell.boundingBox())!;
  const scrolled = await frame.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return el.scrollLeft;
  });
  expect(scrolled).toBeGreaterThan(20);
  await expect.poll(async () => (await firstCell.boundingBox())!.x).toBeLessThan(cellBefore.x - 20);
  const nameAfter = (await rowName.boundingBox())!;
  expect(Math.abs(nameAfter.x - nameBefore.x)).toBeLessThanOrEqual(1);
  // The row name is painted over the cells that slide under it, not beside them.
  const covering = await rowName.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  });
  expect(covering).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test("early close, a cap skip and a seat-line tie in plain words, and publishing from the review page", async ({ browser }) => {
  // Two sign-ins, an import, a vote, the count: minutes on a loaded 2-core machine.
  test.setTimeout(420_000);
  const community = uniqueCommunity("results");
  const ada = await personPage(browser, ADA.login);
  const vera = await personPage(browser, VERA.login);
  const visitor = await (await browser.newContext()).newPage();

  let base = "";
  await test.step("a community admin imports four declarations and becomes the election's official", async () => {
    await ensureCommunity(ada, community, [{ name: ADA.name, login: ADA.email }]);
    await ada.goto(`/admin/import?community=${community.slug}`);
    const form = ada.getByRole("form", { name: "Import a Kata election folder" });
    await form.getByLabel("Election folder", { exact: true }).setInputFiles(FOLDER);
    await form.getByRole("button", { name: "Import election" }).click();
    await ada.waitForURL(/\/manage$/);
    base = new URL(ada.url()).pathname.replace(/\/manage$/, "");
    await expect(ada.getByRole("heading", { level: 1 })).toContainText(TITLE);
    const slug = base.split("/").at(-1)!;
    expect(base).toBe(electionHref(community.slug, slug));
    await appointOfficial(ada, community.slug, { title: TITLE, slug }, ADA.email);
  });

  await test.step("the official sets two seats, one per affiliation, accepts the candidates and the roll", async () => {
    await ada.goto(`${base}/manage/rules`);
    const settings = ada.getByRole("form", { name: "Settings" });
    await settings.getByLabel("Seats", { exact: true }).fill("2");
    await settings.getByLabel("Counting method", { exact: true }).selectOption("schulze");
    // Unranked candidates rank last: one ballot "Bo > Ada" then leaves Cleo and Dana tied below them.
    await settings.getByLabel("Unranked candidates", { exact: true }).selectOption("last");
    await settings.getByLabel("Maximum seats per affiliation", { exact: true }).fill("1");
    await settings.getByLabel("Continuing members (seats not up)", { exact: true }).fill("");
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByText("Settings saved.")).toBeVisible();

    await ada.goto(`${base}/manage/nominations`);
    for (const [name, affiliation] of [
      ["Ada Quill", "Acme"],
      ["Bo Lindqvist", "Acme"],
      ["Cleo Morrow", "none"],
      ["Dana Okafor", "none"],
    ] as const) {
      const accept = ada.getByRole("group", { name: `Review ${name}` }).getByRole("form", { name: `Accept ${name}` });
      await accept.getByLabel("Affiliation", { exact: true }).fill(affiliation);
      await accept.getByRole("button", { name: `Accept ${name}` }).click();
      await expect(ada.getByTestId("candidacy-review").filter({ hasText: name })).toContainText("— accepted");
    }

    await ada.goto(`${base}/manage/electorate`);
    const roll = ada.getByRole("form", { name: "Import electorate" });
    await roll.getByLabel("Paste the electorate", { exact: true }).fill(["login,email,name", `${VERA.login},${VERA.email},Vera Voter`].join("\n"));
    await roll.getByRole("button", { name: "Import electorate" }).click();
    await expect(roll.getByText(/1 added, 0 removed; the electorate has 1 voter/)).toBeVisible();

    // Voting open from two minutes ago until four days from now.
    await saveSchedule(ada, `${base}/manage/schedule`, { nomOpen: -2 * HOUR, nomClose: -2 * MIN, voteOpen: -2 * MIN, voteClose: 96 * HOUR });
    await ada.getByRole("button", { name: "Open election" }).click();
    await expect(ada.getByTestId("manage-state")).toHaveText("State: scheduled");
  });

  await test.step("the one voter ranks Bo first and Ada second", async () => {
    await vera.goto(`${base}/vote`);
    for (const name of ["Bo Lindqvist", "Ada Quill"]) {
      const add = vera.getByRole("button", { name: new RegExp(`^Add as rank \\d+ \\(${name}\\)$`) });
      await add.focus();
      await vera.keyboard.press("Enter");
    }
    await vera.getByRole("button", { name: "Review my ballot" }).click();
    await expect(vera.getByTestId("ranking-list")).toContainText("Rank 1: Bo Lindqvist");
    await expect(vera.getByTestId("ranking-list")).toContainText("Rank 2: Ada Quill");
    await vera.getByRole("button", { name: "Submit my ballot" }).click();
    await expect(vera.getByRole("heading", { name: "Your ballot is recorded" })).toBeVisible();
  });

  await test.step("the official closes voting four days early: every public place says when it really closed", async () => {
    await ada.goto(`${base}/manage/close`);
    await ada.getByRole("button", { name: "Close voting" }).click();
    await expect(ada.getByTestId("manage-state")).toHaveText("State: closed");

    await visitor.goto(base);
    const schedule = visitor.getByRole("region", { name: "Schedule" });
    await expect(schedule.getByText("Voting closes", { exact: true })).toHaveCount(0);
    await expect(schedule.getByText("Voting closed", { exact: true })).toBeVisible();
    const ended = schedule.getByTestId("voting-ended");
    await expect(ended).toContainText("— early; scheduled for");
    // The real close is today; the schedule it cut short is four days out.
    const [closedAt, scheduledAt] = await ended.locator("time").evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute("datetime") ?? "")));
    expect(Math.abs(closedAt - Date.now())).toBeLessThan(30 * MIN);
    expect(scheduledAt - closedAt).toBeGreaterThan(90 * HOUR);
    await expectNoSeriousA11yViolations(visitor);

    await visitor.goto(`${base}/results`);
    await expect(visitor.getByTestId("voting-ended")).toContainText("— early; scheduled for");
    await expect(visitor.getByTestId("results-not-published")).toBeVisible();
  });

  await test.step("counted: the official reviews the result with a Publish button; nobody else sees one", async () => {
    await ada.goto(`${base}/manage/tally`);
    await ada.getByRole("button", { name: "Tally", exact: true }).click();
    await expect(ada.getByTestId("manage-state")).toHaveText("State: tallied");

    for (const other of [vera, visitor]) {
      await other.goto(`${base}/results`);
      await expect(other.getByTestId("results-not-published")).toBeVisible();
      await expect(other.getByTestId("winners-box")).toHaveCount(0);
      await expect(other.getByRole("button", { name: "Publish results" })).toHaveCount(0);
      await other.goto(base);
      await expect(other.getByTestId("election-winners")).toHaveCount(0);
      await expect(other.getByRole("link", { name: "Review the results" })).toHaveCount(0);
    }

    await ada.goto(base);
    await ada.getByRole("link", { name: "Review the results" }).click();
    await expect(ada.getByRole("status").filter({ hasText: "Under review" })).toBeVisible();
    await expect(ada.getByRole("button", { name: "Publish results" })).toBeVisible();
  });

  await test.step("the winners box says who the cap kept out and how the seat-line tie was decided", async () => {
    const box = ada.getByTestId("winners-box");
    const winners = (await box.getByTestId("winners").locator("li strong").allTextContents()).map((s) => s.trim());
    expect(winners).toHaveLength(2);
    expect(winners[0]).toBe("Bo Lindqvist");
    expect(["Cleo Morrow", "Dana Okafor"]).toContain(winners[1]);
    const loser = winners[1] === "Cleo Morrow" ? "Dana Okafor" : "Cleo Morrow";
    await expect(box.getByTestId("winners").locator("li").first()).toHaveText("Bo Lindqvist (Acme)");
    await expect(box.getByTestId("winners").locator("li").nth(1)).toHaveText(`${winners[1]} (No affiliation)`);

    await expect(box.getByTestId("cap-skips-explained")).toHaveText(
      "Ada Quill (Acme) placed 2nd but was not elected: the rules allow at most 1 member per affiliation and Acme already holds that seat (Bo Lindqvist, elected).",
    );
    const tie = box.getByTestId("seat-line-tie");
    await expect(tie).toContainText(/(Cleo Morrow and Dana Okafor|Dana Okafor and Cleo Morrow) tied for the last seat; it was decided by drawing lots using a random draw anyone can re-check\./);
    await expect(tie).toContainText(`${winners[1]} was elected.`);
    await expect(tie).not.toContainText(loser + " was elected");
    // The cryptography is one click away, not in the sentence.
    const details = tie.getByTestId("tie-break-details");
    await expect(details.getByText(/TBRC/)).toBeHidden();
    await box.screenshot({ path: "e2e/screenshots/results-winners.png" });
    await details.getByText("How the tie was broken").click();
    await expect(details.getByText(/TBRC/)).toBeVisible();
    await expect(details).toContainText((await ada.getByTestId("ballot-hash").textContent())!.trim());
    // "none" reads as no affiliation everywhere on the page.
    await expect(ada.getByTestId("full-ranking")).toContainText("No affiliation");
    await expect(ada.locator("main")).not.toContainText(/Affiliation: none|\(none\)/);
    await expectNoSeriousA11yViolations(ada);
    // On a wide screen the tables fit, and nothing claims that they scroll.
    await expect(ada.getByTestId("scroll-cue")).toHaveCount(0);
  });

  await test.step("on a phone the winners box reads the same, and the row names stay while tables scroll", async () => {
    await ada.setViewportSize({ width: 375, height: 800 });
    await ada.reload();
    const box = ada.getByTestId("winners-box");
    await expect(box.getByTestId("seat-line-tie")).toContainText("tied for the last seat");
    await box.screenshot({ path: "e2e/screenshots/results-winners-phone.png" });
    await expectRowNamesStayWhileScrolling(ada, ada.getByTestId("pairwise-heatmap-frame"));
    await expectRowNamesStayWhileScrolling(ada, ada.getByTestId("strongest-paths-frame"));
    await expectNoSeriousA11yViolations(ada);
    await ada.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step("the official publishes from the review page; the election page then shows the winners", async () => {
    await ada.getByRole("button", { name: "Publish results" }).click();
    // The page refreshes as the public result: the review box and its button are gone, the badge says published.
    await expect(ada.getByTestId("under-review")).toHaveCount(0);
    await expect(ada.getByText("Results published", { exact: true })).toBeVisible();
    await expect(ada.getByRole("button", { name: "Publish results" })).toHaveCount(0);
    await ada.goto(`${base}/manage/tally`);
    await expect(ada.getByTestId("manage-state")).toHaveText("State: published");

    await visitor.goto(base);
    const elected = visitor.getByTestId("election-winners");
    await expect(elected.getByRole("heading", { name: "Elected" })).toBeVisible();
    await expect(elected.getByTestId("winners").locator("li")).toHaveCount(2);
    await expect(elected.getByTestId("winners").locator("li").first()).toHaveText("Bo Lindqvist (Acme)");
    await expect(elected.getByTestId("winners").locator("li").nth(1)).toContainText("(No affiliation)");
    await expect(visitor.getByRole("list", { name: "Accepted candidates" }).getByRole("listitem").filter({ hasText: "Cleo Morrow" })).toContainText(
      "No affiliation",
    );
    await expect(visitor.getByTestId("voting-ended")).toContainText("— early; scheduled for");
    await expectNoSeriousA11yViolations(visitor);
    await elected.getByRole("link", { name: /Full results/ }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: `Results: ${TITLE}` })).toBeVisible();
    await expect(visitor.getByTestId("winners-box")).toContainText("tied for the last seat");
    await expect(visitor.getByRole("button", { name: "Publish results" })).toHaveCount(0);
  });
});

test("a cancelled election shows its date and public reason, offers nothing to do, and its results page says none will come", async ({ browser }) => {
  test.setTimeout(240_000);
  const community = uniqueCommunity("cancelled");
  const slug = `e2e-cancel-${Date.now().toString(36)}`;
  const title = `E2E Cancelled Board ${slug.slice(-6)}`;
  const base = electionHref(community.slug, slug);
  const reason = "Two of the three candidates withdrew; the board will run a new election in the spring.";
  const ada = await personPage(browser, ADA.login);
  await ensureCommunity(ada, community, [{ name: ADA.name, login: ADA.email }]);
  await createElection(ada, community.slug, { title, slug, seats: 1 });
  await appointOfficial(ada, community.slug, { title, slug }, ADA.email);
  // Nominations open now: before the cancellation the page invites declarations.
  await saveSchedule(ada, `${base}/manage/schedule`, { nomOpen: -HOUR, nomClose: 24 * HOUR, voteOpen: 48 * HOUR, voteClose: 72 * HOUR });
  await ada.getByRole("button", { name: "Open election" }).click();
  await expect(ada.getByTestId("manage-state")).toHaveText("State: scheduled");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(base);
  await expect(visitor.getByRole("link", { name: "Sign in to vote or declare" })).toBeVisible();
  await expect(visitor.getByTestId("cancelled-notice")).toHaveCount(0);

  await ada.goto(`${base}/manage/cancel`);
  await ada.getByLabel("Reason (public)", { exact: true }).fill(reason);
  await ada.getByRole("button", { name: "Cancel election" }).click();
  await expect(ada.getByTestId("manage-state")).toHaveText("State: cancelled");

  await visitor.goto(base);
  await expect(visitor.getByText("Cancelled", { exact: true })).toBeVisible();
  const notice = visitor.getByTestId("cancelled-notice");
  await expect(notice).toContainText("This election was cancelled on");
  await expect(notice.locator("time")).toHaveCount(1);
  expect(Math.abs(Date.parse((await notice.locator("time").getAttribute("datetime"))!) - Date.now())).toBeLessThan(30 * MIN);
  await expect(notice.getByTestId("cancel-reason")).toHaveText(reason);
  // No call to action is left.
  const actions = visitor.getByRole("navigation", { name: "What you can do" });
  await expect(actions.getByRole("link")).toHaveCount(0);
  // "Nominations open" is left only as a row of the planned schedule, not as the election's state.
  await expect(visitor.locator("main").getByText("Nominations open", { exact: true })).toHaveCount(1);
  await expect(visitor.getByRole("region", { name: "Schedule" })).toContainText("none of it will happen");
  await expectNoSeriousA11yViolations(visitor);

  // A signed-in member is offered nothing either.
  const vera = await personPage(browser, VERA.login);
  await vera.goto(base);
  await expect(vera.getByRole("navigation", { name: "What you can do" }).getByRole("link")).toHaveCount(0);

  await visitor.goto(`${base}/results`);
  await expect(visitor.getByTestId("results-not-published")).toHaveCount(0);
  const results = visitor.getByTestId("cancelled-notice");
  await expect(results).toContainText("This election was cancelled on");
  await expect(results).toContainText(reason);
  await expect(results).toContainText("No results will be published.");
  await expectNoSeriousA11yViolations(visitor);
});

test("the demo's published result on a phone: cap skip in words, fixed row names, affiliations in words", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(demoHref("beacon", "/results"));
  const box = page.getByTestId("winners-box");
  await expect(box.getByTestId("winners").locator("li")).toHaveCount(3);
  // Beacon allows one seat per company; the stored result records whom that kept out.
  const skipped = box.getByTestId("cap-skips-explained").locator("li");
  expect(await skipped.count()).toBeGreaterThan(0);
  for (const line of await skipped.allTextContents()) {
    expect(line).toMatch(/^.+ \(.+\) (placed|tied for) \d+(st|nd|rd|th) but was not elected: the rules allow at most 1 member per affiliation and .+ already holds that seat \(.+, elected\)\.$/);
  }
  await expect(page.locator("main")).not.toContainText(/\(none\)|Affiliation: none/);
  await expectRowNamesStayWhileScrolling(page, page.getByTestId("pairwise-heatmap-frame"));
  await expectRowNamesStayWhileScrolling(page, page.getByTestId("strongest-paths-frame"));
  await expectNoSeriousA11yViolations(page);
});
