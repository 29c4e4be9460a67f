// The whole life of one election, driven through the browser as the people who
// take part in it (PRODUCT §1–§8): admin → official → candidates → voters →
// official → public. Each person has their own browser context, so sessions
// never leak between roles.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { appointOfficial, createElection, demoHref, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";
import { utcInput } from "./helpers/utc-input";

const run = promisify(execFile);

// Accounts of the test OIDC server (e2e/oidc); the electorate matches them by login and email.
const PEOPLE = {
  admin: { login: "ada-admin", email: "ada@example.org" },
  official: { login: "olu-official", email: "olu@example.org" },
  voter: { login: "vera-voter", email: "vera@example.org" },
  candidate: { login: "cory-candidate", email: "cory@example.org" },
  ineligible: { login: "ines-ineligible", email: "ines@example.org" },
} as const;

type Who = keyof typeof PEOPLE;

const SLUG = `e2e-cycle-${Date.now().toString(36)}`;
const TITLE = `E2E Steering Committee ${SLUG.slice(-6)}`;
const COMMUNITY = uniqueCommunity("cycle");
/** This election's address, `rest` after it. */
const url = (rest = "") => electionHref(COMMUNITY.slug, SLUG, rest);

/** A datetime-local value (the manage form reads it as UTC) `ms` from now. */
const MIN = 60_000;
const HOUR = 60 * MIN;

async function personPage(browser: Browser, who: Who): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Official actions ask for confirmation with window.confirm.
  page.on("dialog", (d) => void d.accept());
  await signInWithOidc(page, PEOPLE[who].login);
  return page;
}

async function saveSchedule(page: Page, times: { nomOpen: number; nomClose: number; voteOpen: number; voteClose: number }) {
  await page.goto(url("/manage/schedule"));
  const form = page.getByRole("form", { name: "Schedule" });
  await form.getByLabel("Nominations open (UTC)", { exact: true }).fill(utcInput(times.nomOpen));
  await form.getByLabel("Nominations close (UTC)", { exact: true }).fill(utcInput(times.nomClose));
  await form.getByLabel("Voting opens (UTC)", { exact: true }).fill(utcInput(times.voteOpen));
  await form.getByLabel("Voting closes (UTC)", { exact: true }).fill(utcInput(times.voteClose));
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByText("Schedule saved.")).toBeVisible();
}

async function declare(page: Page, name: string, email: string, affiliation: string, statement: string) {
  await page.goto(url());
  await page.getByRole("link", { name: "Declare your candidacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Declare your candidacy" })).toBeVisible();
  await page.getByLabel("Display name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Affiliation", { exact: true }).fill(affiliation);
  await page.getByLabel("Statement (Markdown)", { exact: true }).fill(statement);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Statement preview" })).toBeVisible();
  await page.getByRole("button", { name: "Submit declaration" }).click();
  await expect(page.getByTestId("candidacy-status")).toContainText("submitted");
}

/** Presses a ballot button from the keyboard, as a keyboard-only voter would. */
async function press(page: Page, name: string | RegExp) {
  const button = page.getByRole("button", { name });
  await button.focus();
  await page.keyboard.press("Enter");
}

/** Opens the review step. It moves focus to its heading; the next key press must not race that. */
async function review(page: Page) {
  await press(page, "Review my ballot");
  await expect(page.getByRole("heading", { name: "Review your ballot" })).toBeFocused();
}

async function receiptCode(page: Page): Promise<string> {
  const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
  expect(code.length).toBeGreaterThanOrEqual(16);
  return code;
}

test("an election from creation to a published, independently re-tallied result", async ({ browser }) => {
  // Five people, five sign-ins and the role chain before the election exists: over four minutes on a loaded 2-core machine.
  test.setTimeout(420_000);

  // Everyone signs in once first: appointing an official needs an existing user.
  const ada = await personPage(browser, "admin");
  const olu = await personPage(browser, "official");
  const vera = await personPage(browser, "voter");
  const cory = await personPage(browser, "candidate");
  const ines = await personPage(browser, "ineligible");

  await test.step("the instance admin creates a community and names its admin, who creates the election and appoints an official", async () => {
    // Ada is both: the instance admin names herself the new community's admin.
    await ensureCommunity(ada, COMMUNITY, [{ name: "Ada Admin", login: PEOPLE.admin.email }]);
    await createElection(ada, COMMUNITY.slug, { title: TITLE, slug: SLUG, seats: 2, method: "schulze" });
    await appointOfficial(ada, COMMUNITY.slug, { title: TITLE, slug: SLUG }, PEOPLE.official.email);
  });

  await test.step("a draft is invisible to the public", async () => {
    await vera.goto("/");
    await expect(vera.getByRole("link", { name: TITLE, exact: true })).toHaveCount(0);
  });

  await test.step("official schedules nominations from now, opens the election and imports the electorate", async () => {
    await saveSchedule(olu, { nomOpen: -HOUR, nomClose: 24 * HOUR, voteOpen: 24 * HOUR, voteClose: 48 * HOUR });
    await olu.getByRole("button", { name: "Open election" }).click();
    await expect(olu.getByTestId("manage-state")).toHaveText("State: scheduled");

    await olu.goto(url("/manage/electorate"));
    const form = olu.getByRole("form", { name: "Import electorate" });
    await form
      .getByLabel("Paste the electorate", { exact: true })
      .fill(
        [
          "login,email,name",
          `${PEOPLE.voter.login},${PEOPLE.voter.email},Vera Voter`,
          `${PEOPLE.candidate.login},${PEOPLE.candidate.email},Cory Candidate`,
          `${PEOPLE.admin.login},${PEOPLE.admin.email},Ada Admin`,
        ].join("\n"),
      );
    await form.getByRole("button", { name: "Import electorate" }).click();
    await expect(form.getByText(/3 added, 0 removed; the electorate has 3 voters/)).toBeVisible();

    await vera.goto("/");
    await expect(vera.getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  });

  await test.step("candidates declare; the official accepts them and they appear on the election page", async () => {
    await declare(
      cory,
      "Cory Candidate",
      PEOPLE.candidate.email,
      "Acme Widgets",
      "I will **ship** things.\n\n<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned = true\">\n\n[my site](https://example.org/cory)",
    );
    await declare(ada, "Ada Admin", PEOPLE.admin.email, "none", "Steady hands for the *next* release.");
    await declare(ines, "Ines Ineligible", PEOPLE.ineligible.email, "Globex", "Candidates need not be voters.");

    await olu.goto(url("/manage/nominations"));
    // Reject stays behind a disclosure; accepting confirms (here: corrects) the declared affiliation.
    const candidaciesSection = olu.getByRole("region", { name: /^Candidacies/ });
    await expect(candidaciesSection.getByLabel("Reason (shown to the candidate)")).toHaveCount(3);
    for (const field of await candidaciesSection.getByLabel("Reason (shown to the candidate)").all()) await expect(field).toBeHidden();
    await candidaciesSection.screenshot({ path: "e2e/screenshots/manage-candidacies.png" });
    for (const [name, declared, confirmed] of [
      ["Cory Candidate", "Acme Widgets", "Acme Widgets"],
      ["Ada Admin", "none", "none"],
      ["Ines Ineligible", "Globex", "Globex Corporation"],
    ] as const) {
      const accept = olu.getByRole("group", { name: `Review ${name}` }).getByRole("form", { name: `Accept ${name}` });
      const affiliation = accept.getByLabel("Affiliation", { exact: true });
      await expect(affiliation).toHaveValue(declared);
      await affiliation.fill(confirmed);
      await accept.getByRole("button", { name: `Accept ${name}` }).click();
      await expect(olu.getByTestId("candidacy-review").filter({ hasText: name })).toContainText("— accepted");
      await expect(olu.getByTestId("candidacy-review").filter({ hasText: name })).toContainText(confirmed === "none" ? "No affiliation" : `affiliation: ${confirmed}`);
    }

    await vera.goto(url());
    const list = vera.getByRole("list", { name: "Accepted candidates" });
    await expect(list.getByRole("link")).toHaveCount(3);
    await expect(list.getByRole("listitem").filter({ hasText: "Ines Ineligible" })).toContainText("Affiliation: Globex Corporation");
    await list.getByRole("link", { name: "Cory Candidate" }).click();
    await expect(vera.getByRole("heading", { level: 1, name: "Cory Candidate" })).toBeVisible();
    // The statement's Markdown is rendered, its raw HTML is not.
    await expect(vera.locator("strong", { hasText: "ship" })).toBeVisible();
    await expect(vera.locator("main script")).toHaveCount(0);
    await expect(vera.locator("main img")).toHaveCount(0);
    expect(await vera.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await expect(vera.getByRole("link", { name: "my site" })).toHaveAttribute("rel", /nofollow/);
  });

  await test.step("official moves the schedule so that voting is open now", async () => {
    await saveSchedule(olu, { nomOpen: -2 * HOUR, nomClose: -2 * MIN, voteOpen: -2 * MIN, voteClose: 24 * HOUR });
    await olu.goto(url());
    await expect(olu.getByText("Voting open", { exact: true })).toBeVisible();
  });

  let firstReceipt = "";
  let latestReceipt = "";
  await test.step("vera ranks with the keyboard, reviews and votes, and gets a receipt", async () => {
    await vera.goto(url());
    await vera.getByRole("link", { name: "Vote", exact: true }).click();
    await expect(vera.getByRole("heading", { level: 1, name: `Vote: ${TITLE}` })).toBeVisible();
    // The ballot starts empty and says what leaving someone unranked means.
    await expect(vera.getByText("Nobody ranked yet")).toBeVisible();
    await expect(vera.getByRole("heading", { name: "Not ranked (3)" })).toBeVisible();
    await expect(vera.getByTestId("unranked-rule")).toContainText("no opinion");

    await press(vera, "Add as rank 1 (Cory Candidate)");
    await expect(vera.getByTestId("ballot-announcer")).toHaveText("Cory Candidate is now rank 1.");
    await press(vera, "Add as rank 2 (Ada Admin)");
    await press(vera, "Move up Ada Admin");
    await expect(vera.getByTestId("ballot-announcer")).toHaveText("Ada Admin is now rank 1.");
    await expectNoSeriousA11yViolations(vera);
    await vera.screenshot({ path: "e2e/screenshots/ballot.png", fullPage: true });

    await review(vera);
    await expect(vera.getByTestId("ranking-list")).toContainText("Rank 1: Ada Admin");
    await expect(vera.getByTestId("ranking-list")).toContainText("Rank 2: Cory Candidate");
    await expect(vera.getByText("Not ranked: Ines Ineligible")).toBeVisible();
    await press(vera, "Submit my ballot");
    await expect(vera.getByRole("heading", { name: "Your ballot is recorded" })).toBeVisible();
    firstReceipt = await receiptCode(vera);

    const [download] = await Promise.all([vera.waitForEvent("download"), vera.getByRole("link", { name: "Download receipt" }).click()]);
    const file = await download.path();
    expect(await readFile(file, "utf8")).toContain(firstReceipt);
  });

  await test.step("vera checks her ballot with the receipt and replaces it", async () => {
    await vera.goto(url("/vote"));
    await expect(vera.getByTestId("already-voted")).toBeVisible();
    await vera.getByLabel("Receipt code", { exact: true }).fill(firstReceipt);
    await vera.getByRole("button", { name: "Check my ballot" }).click();
    await expect(vera.getByText("Replacing your ballot.")).toBeVisible();
    await expect(vera.getByText("Rank 1: Ada Admin")).toBeVisible();

    // Now: Cory and Ines tied first, Ada below them.
    await press(vera, "Move down Ada Admin");
    await vera.getByLabel("Rank to tie Ines Ineligible with", { exact: true }).selectOption("0");
    await press(vera, "Tie Ines Ineligible with the selected rank");
    await expect(vera.getByTestId("ballot-announcer")).toHaveText("Ines Ineligible is now rank 1, tied with Cory Candidate.");
    await review(vera);
    await expect(vera.getByTestId("ranking-list")).toContainText("Rank 1: Cory Candidate = Ines Ineligible");
    await press(vera, "Replace my ballot");
    await expect(vera.getByRole("heading", { name: "Your ballot was replaced" })).toBeVisible();
    const second = await receiptCode(vera);
    expect(second).not.toBe(firstReceipt);
    latestReceipt = second;

    // The old code stops working.
    await vera.goto(url("/vote"));
    await vera.getByLabel("Receipt code", { exact: true }).fill(firstReceipt);
    await vera.getByRole("button", { name: "Check my ballot" }).click();
    await expect(vera.getByRole("alert").filter({ hasText: "No ballot" })).toBeVisible();
  });

  await test.step("a second voter votes", async () => {
    await cory.goto(url("/vote"));
    // An empty ballot is an abstention: the page asks before submitting one, and going back records nothing.
    await review(cory);
    await press(cory, "Submit my ballot");
    const abstain = cory.getByRole("dialog", { name: "Submit an empty ballot?" });
    await expect(abstain).toBeVisible();
    await abstain.getByRole("button", { name: /back|cancel|keep/i }).first().click();
    await expect(abstain).toBeHidden();
    await expect(cory.getByRole("heading", { name: /Your ballot (is|was) recorded/ })).toHaveCount(0);
    await cory.goto(url("/vote"));
    await expect(cory.getByTestId("already-voted")).toHaveCount(0);
    await press(cory, "Add as rank 1 (Cory Candidate)");
    await press(cory, "Add as rank 2 (Ada Admin)");
    await press(cory, "Add as rank 3 (Ines Ineligible)");
    await review(cory);
    await press(cory, "Submit my ballot");
    await expect(cory.getByRole("heading", { name: "Your ballot is recorded" })).toBeVisible();
  });

  await test.step("vera's receipt in cory's hands opens nothing, and vera keeps the use of it", async () => {
    await cory.goto(url("/vote"));
    await cory.getByLabel("Receipt code", { exact: true }).fill(latestReceipt);
    await cory.getByRole("button", { name: "Check my ballot" }).click();
    await expect(cory.getByRole("alert").filter({ hasText: "No ballot of yours" })).toBeVisible();
    await expect(cory.getByText("Replacing your ballot.")).toHaveCount(0);
    await vera.goto(url("/vote"));
    await vera.getByLabel("Receipt code", { exact: true }).fill(latestReceipt);
    await vera.getByRole("button", { name: "Check my ballot" }).click();
    await expect(vera.getByText("Replacing your ballot.")).toBeVisible();
  });

  await test.step("a member not on the electorate is refused", async () => {
    await ines.goto(url("/vote"));
    await expect(ines.getByTestId("vote-refused")).toContainText("not on the electorate");
    await expect(ines.getByRole("button", { name: "Submit my ballot" })).toHaveCount(0);

    // She asks for an exception; the official denies it with a note she can read.
    await ines.getByRole("link", { name: "Request a voter exception" }).click();
    await ines.getByLabel("Reason", { exact: true }).fill("I review most documentation pull requests.");
    await ines.getByRole("button", { name: "Send request" }).click();
    await expect(ines.getByTestId("exception-status")).toContainText("pending");
    await olu.goto(url("/manage/exceptions"));
    const decide = olu.getByRole("form", { name: "Decide the request of Ines Ineligible" });
    await decide.getByLabel("Note (shown to the member and recorded in the audit log)", { exact: true }).fill("Not a code or docs contributor in this period.");
    await decide.getByRole("button", { name: "Deny Ines Ineligible" }).click();
    await expect(olu.getByRole("heading", { name: /Ines Ineligible — denied/ })).toBeVisible();
    await ines.reload();
    await expect(ines.getByTestId("exception-status")).toContainText("denied");
    await ines.goto(url("/vote"));
    await expect(ines.getByTestId("vote-refused")).toContainText("not on the electorate");
  });

  await test.step("official closes voting; a ballot submitted after the close is refused", async () => {
    // Ada fills her ballot while voting is open and submits it only after the close.
    await ada.goto(url("/vote"));
    await press(ada, "Add as rank 1 (Ada Admin)");
    await review(ada);

    await olu.goto(url("/manage/close"));
    await olu.getByRole("button", { name: "Close voting" }).click();
    await expect(olu.getByTestId("manage-state")).toHaveText("State: closed");

    await press(ada, "Submit my ballot");
    await expect(ada.getByRole("alert").filter({ hasText: "Your ballot was not accepted" })).toBeVisible();
    await ada.goto(url("/vote"));
    await expect(ada.getByTestId("vote-refused")).toContainText("Voting is not open");
  });

  await test.step("official tallies, reviews and publishes", async () => {
    await olu.goto(url("/manage/tally"));
    await olu.getByRole("button", { name: "Tally", exact: true }).click();
    await expect(olu.getByTestId("manage-state")).toHaveText("State: tallied");
    await olu.goto(url("/results"));
    await expect(olu.getByRole("status").filter({ hasText: "Under review" })).toBeVisible();
    await olu.goto(url("/manage/tally"));
    await olu.getByRole("button", { name: "Publish results" }).click();
    await expect(olu.getByTestId("manage-state")).toHaveText("State: published");
    // The verifier's verdict on the dashboard, and the chain's head checkpointed at publication, shown on the public page too.
    await expect(olu.getByTestId("audit-verdict")).toHaveText(/^The audit log is whole: \d+ entries, head #\d+ [0-9a-f]{64} \(\d+ checkpoints? on results agree\)\.$/);
    const checkpoint = (await olu.getByTestId("audit-checkpoint-published").textContent()) ?? "";
    expect(checkpoint).toMatch(/^[0-9a-f]{64}$/);
    await olu.goto(url("/results"));
    await expect(olu.getByTestId("audit-checkpoint")).toHaveText(checkpoint);
  });

  await test.step("the public result shows winners and the heat-map, and matches the CLI's re-tally of the export", async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(url());
    await visitor.getByRole("link", { name: "Results", exact: true }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: `Results: ${TITLE}` })).toBeVisible();
    const winners = (await visitor.getByTestId("winners").locator("li strong").allTextContents()).map((s) => s.trim());
    // By hand: vera ranks Cory = Ines > Ada, cory ranks Cory > Ada > Ines (unranked = no opinion).
    // Cory beats Ada 2:0 and Ines 1:0; Ada and Ines are 1:1. Cory takes seat 1; Ada and Ines tie for
    // seat 2, which the tie-breaking ranking (seeded by the ballot hash) gives to one of them.
    expect(winners).toHaveLength(2);
    expect(winners[0]).toBe("Cory Candidate");
    expect(["Ada Admin", "Ines Ineligible"]).toContain(winners[1]);
    const heatmap = visitor.getByTestId("pairwise-heatmap");
    await expect(heatmap).toBeVisible();
    await expect(heatmap.getByRole("rowheader")).toHaveCount(3);
    await expect(visitor.getByTestId("turnout")).toContainText("2 of 3");
    await expect(visitor.getByTestId("ballot-hash")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(visitor.getByTestId("audit-head")).toHaveText(/^[0-9a-f]{64}$/);
    await expectNoSeriousA11yViolations(visitor);
    await visitor.screenshot({ path: "e2e/screenshots/results.png", fullPage: true });

    // Anyone may download the anonymized ballots of a published election.
    const response = await visitor.request.get(url("/export?format=json"));
    expect(response.status()).toBe(200);
    const exported = await response.text();
    const election = JSON.parse(exported) as { candidates: { id: string; name: string }[]; ballots: { ranking: string[][]; receipt?: string }[] };
    expect(election.ballots).toHaveLength(2);
    const dir = await mkdtemp(path.join(tmpdir(), "hustings-e2e-"));
    const file = path.join(dir, "ballots.json");
    await writeFile(file, exported);
    const { stdout } = await run(process.execPath, ["cli/bin/hustings.mjs", "tally", file, "--format", "json"]);
    const cli = JSON.parse(stdout) as { winners: string[]; ranking: string[][]; ballots: number };
    const name = (id: string) => election.candidates.find((c) => c.id === id)?.name ?? id;
    expect(cli.ballots).toBe(2);
    expect(cli.winners.map(name)).toEqual(winners);

    const rows = await visitor.getByTestId("full-ranking").locator("tbody tr").all();
    const pageRanking = await Promise.all(rows.map(async (r) => [(await r.locator("td").nth(0).textContent())!.replace(" (tie)", "").trim(), (await r.locator("td").nth(1).textContent())!.trim()] as const));
    const cliRanking: (readonly [string, string])[] = [];
    let place = 1;
    for (const tier of cli.ranking) {
      for (const id of tier) cliRanking.push([String(place), name(id)] as const);
      place += tier.length;
    }
    expect([...pageRanking].sort()).toEqual([["1", "Cory Candidate"], ["2", "Ada Admin"], ["2", "Ines Ineligible"]]);
    expect([...pageRanking].sort()).toEqual([...cliRanking].sort());

    // PRODUCT §6: vera finds her (replaced) ballot by its latest receipt, and its hash in the published list.
    await vera.goto(url("/results"));
    const check = vera.getByRole("form", { name: "Check that your ballot was counted" });
    await check.getByLabel("Receipt code", { exact: true }).fill(latestReceipt);
    await check.getByRole("button", { name: "Check my ballot" }).click();
    const found = vera.getByTestId("receipt-check-result");
    await expect(found.getByTestId("receipt-check-ranking")).toContainText(/Rank 1: (Cory Candidate = Ines Ineligible|Ines Ineligible = Cory Candidate)/);
    await expect(found.getByTestId("receipt-check-ranking")).toContainText("Rank 2: Ada Admin");
    const hash = ((await found.getByTestId("receipt-check-hash").textContent()) ?? "").trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(found).toContainText("published ballot list");
    const mine = election.ballots.filter((b) => b.receipt === hash);
    expect(mine).toHaveLength(1);
    expect(mine[0].ranking.map((tier) => tier.map(name).sort())).toEqual([["Cory Candidate", "Ines Ineligible"], ["Ada Admin"]]);
    // The replaced ballot's old code names nothing.
    await check.getByLabel("Receipt code", { exact: true }).fill(firstReceipt);
    await check.getByRole("button", { name: "Check my ballot" }).click();
    await expect(vera.getByRole("alert").filter({ hasText: "No ballot" })).toBeVisible();
    await expectNoSeriousA11yViolations(vera);
  });

  await test.step("the export route answers refusals with their HTTP status", async () => {
    const anonymous = await (await browser.newContext()).newPage();
    expect((await anonymous.request.get(url("/export?format=xml"))).status()).toBe(400);
    expect((await anonymous.request.get(electionHref(COMMUNITY.slug, "no-such-election", "/export?format=json"))).status()).toBe(404);
    // The demo seed's election in its voting phase: its ballots are nobody's business yet.
    expect((await anonymous.request.get(demoHref("harbor", "/export?format=json"))).status()).toBe(403);
  });
});
