// Members and candidates as a first-time user meets them (issue 8, defect 3 and
// item 10): a denied exception request shows the officials' note and can be
// asked again and withdrawn; a declaration under a cap names its affiliation;
// a candidate sees their own declaration while it waits for review, nobody
// else does; HTML in a statement shows as text and the editor says so. Each
// test makes its own election, so nothing here changes the demo's.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { appointOfficial, createElection, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";
import { utcInput } from "./helpers/utc-input";

const PEOPLE = {
  admin: { login: "ada-admin", email: "ada@example.org" },
  official: { login: "olu-official", email: "olu@example.org" },
  voter: { login: "vera-voter", email: "vera@example.org" },
  candidate: { login: "cory-candidate", email: "cory@example.org" },
  ineligible: { login: "ines-ineligible", email: "ines@example.org" },
} as const;
type Who = keyof typeof PEOPLE;

const MIN = 60_000;
const HOUR = 60 * MIN;
/** A datetime-local value (the manage form reads it as UTC) `ms` from now. */
async function personPage(browser: Browser, who: Who): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // Withdrawing and other lasting actions ask with window.confirm.
  page.on("dialog", (d) => void d.accept());
  await signInWithOidc(page, PEOPLE[who].login);
  return page;
}

/**
 * A fresh community and election taking nominations now, voting from tomorrow,
 * Olu its official and Vera on its roll; `cap` sets the seats per affiliation.
 */
async function electionTakingNominations(ada: Page, olu: Page, prefix: string, cap?: number) {
  const community = uniqueCommunity(prefix);
  const slug = `${prefix}-${Date.now().toString(36)}`;
  const title = `E2E ${prefix} ${slug.slice(-6)}`;
  const url = (rest = "") => electionHref(community.slug, slug, rest);
  await ensureCommunity(ada, community, [{ name: "Ada Admin", login: PEOPLE.admin.email }]);
  await createElection(ada, community.slug, { title, slug, seats: 2 });
  await appointOfficial(ada, community.slug, { title, slug }, PEOPLE.official.email);

  if (cap !== undefined) {
    await olu.goto(url("/manage/rules"));
    const rules = olu.getByRole("form", { name: "Settings" });
    await rules.getByLabel("Maximum seats per affiliation", { exact: true }).fill(String(cap));
    await rules.getByRole("button", { name: "Save settings" }).click();
    await expect(rules.getByRole("alert")).toHaveCount(0);
    await expect(rules.getByText(/✓/)).toBeVisible();
  }
  await olu.goto(url("/manage/schedule"));
  const schedule = olu.getByRole("form", { name: "Schedule" });
  await schedule.getByLabel("Nominations open (UTC)", { exact: true }).fill(utcInput(-HOUR));
  await schedule.getByLabel("Nominations close (UTC)", { exact: true }).fill(utcInput(24 * HOUR));
  await schedule.getByLabel("Voting opens (UTC)", { exact: true }).fill(utcInput(24 * HOUR));
  await schedule.getByLabel("Voting closes (UTC)", { exact: true }).fill(utcInput(48 * HOUR));
  await schedule.getByRole("button", { name: "Save schedule" }).click();
  await expect(schedule.getByText("Schedule saved.")).toBeVisible();

  await olu.goto(url("/manage/electorate"));
  const roll = olu.getByRole("form", { name: "Import electorate" });
  await roll.getByLabel("Paste the electorate", { exact: true }).fill(`login,email,name\n${PEOPLE.voter.login},${PEOPLE.voter.email},Vera Voss`);
  await roll.getByRole("button", { name: "Import electorate" }).click();
  await expect(roll.getByText(/1 added/)).toBeVisible();

  await olu.goto(url("/manage/schedule"));
  await olu.getByRole("button", { name: "Open election" }).click();
  await expect(olu.getByTestId("manage-state")).toHaveText("State: scheduled");
  return { url, title };
}

test("a denied member reads the officials' note, asks again, and withdraws the new request", async ({ browser }) => {
  // Five sign-ins and the role chain through the browser: minutes on a loaded 2-core machine.
  test.setTimeout(480_000);
  const ada = await personPage(browser, "admin");
  const olu = await personPage(browser, "official");
  const ines = await personPage(browser, "ineligible");
  const { url } = await electionTakingNominations(ada, olu, "exc");
  const note = "Please ask again with links to the reviews you did.";

  await test.step("ines asks; the official denies with a note", async () => {
    await ines.goto(url());
    await expect(ines.getByTestId("voter-status")).toHaveText("You are not on the electorate for this election.");
    await ines.getByRole("link", { name: "Request a voter exception" }).click();
    await ines.getByLabel("Reason", { exact: true }).fill("I review documentation pull requests.");
    await ines.getByRole("button", { name: "Send request" }).click();
    await expect(ines.getByTestId("exception-status")).toContainText("pending");
    // Her words come back to her.
    await expect(ines.getByTestId("exception-latest")).toContainText("I review documentation pull requests.");

    await olu.goto(url("/manage/exceptions"));
    const decide = olu.getByRole("form", { name: "Decide the request of Ines Ineligible" });
    await decide.getByLabel("Note (shown to the member and recorded in the audit log)", { exact: true }).fill(note);
    await decide.getByRole("button", { name: "Deny Ines Ineligible" }).click();
    await expect(olu.getByRole("heading", { name: /Ines Ineligible — denied/ })).toBeVisible();
  });

  await test.step("the election page links to the note, which the exception page shows with her request", async () => {
    await ines.goto(url());
    const status = ines.getByTestId("voter-status");
    await expect(status).toContainText("Your exception request is denied");
    await status.getByRole("link", { name: "read the officials' note" }).click();
    await expect(ines).toHaveURL(new RegExp(`${url("/exception")}$`));
    await expect(ines.getByTestId("exception-status")).toContainText("denied; read the officials' note below");
    await expect(ines.getByTestId("exception-latest-note")).toHaveText(note);
    await expect(ines.getByTestId("exception-latest")).toContainText("I review documentation pull requests.");
    await expect(ines.getByRole("heading", { name: "Ask again" })).toBeVisible();
    await expectNoSeriousA11yViolations(ines);
  });

  await test.step("she asks again: request 2, the first one kept below with its note", async () => {
    await ines.getByLabel("Your new request", { exact: true }).fill("Reviews: https://example.org/pulls?reviewed-by=ines");
    await ines.getByRole("button", { name: "Send new request" }).click();
    await expect(ines.getByTestId("exception-status")).toContainText("pending");
    await expect(ines.getByRole("heading", { name: /Your request \(request 2 of at most 3\)/ })).toBeVisible();
    await expect(ines.getByTestId("exception-latest")).toContainText("https://example.org/pulls?reviewed-by=ines");
    await expect(ines.getByTestId("exception-attempt-1")).toContainText("denied");
    await expect(ines.getByTestId("exception-attempt-1-note")).toHaveText(note);
    await expect(ines.getByRole("button", { name: "Withdraw request" })).toBeVisible();
    await expectNoSeriousA11yViolations(ines);
    await ines.screenshot({ path: "e2e/screenshots/exception-request.png", fullPage: true });
  });

  await test.step("she withdraws it; the official no longer has it to decide; she may ask a last time", async () => {
    await ines.getByRole("button", { name: "Withdraw request" }).click();
    await expect(ines.getByTestId("exception-status")).toContainText("withdrawn by you");
    await expect(ines.getByRole("button", { name: "Withdraw request" })).toHaveCount(0);
    await expect(ines.getByText("This will be request 3 of at most 3.")).toBeVisible();
    await expectNoSeriousA11yViolations(ines);

    await olu.goto(url("/manage/exceptions"));
    await expect(olu.getByRole("button", { name: "Deny Ines Ineligible" })).toHaveCount(0);
    await expect(olu.getByRole("button", { name: "Grant Ines Ineligible" })).toHaveCount(0);

    await ines.goto(url());
    await expect(ines.getByTestId("voter-status")).toContainText("Your exception request is withdrawn by you");
    await expect(ines.getByTestId("voter-status").getByRole("link", { name: "see it or ask again" })).toHaveAttribute("href", url("/exception"));
  });
});

test("a candidate under a cap names an affiliation, sees their declaration in review, reads the reason once; HTML shows as text", async ({ browser }) => {
  // Five sign-ins and the role chain through the browser: minutes on a loaded 2-core machine.
  test.setTimeout(480_000);
  const ada = await personPage(browser, "admin");
  const olu = await personPage(browser, "official");
  const cory = await personPage(browser, "candidate");
  const vera = await personPage(browser, "voter");
  const { url } = await electionTakingNominations(ada, olu, "cap", 1);
  const html = '<div align="center">My logo</div>';
  let page = "";

  await test.step("with a cap the form says why the affiliation is required, and refuses an empty one", async () => {
    await cory.goto(url("/declare"));
    await expect(cory.getByText("This election allows at most 1 member per affiliation, so name the company you work for")).toBeVisible();
    await cory.getByLabel("Display name", { exact: true }).fill("Cory Candidate");
    await cory.getByLabel("Email", { exact: true }).fill(PEOPLE.candidate.email);
    await cory.getByLabel("Statement (Markdown)", { exact: true }).fill(`I will **ship** things.\n\n${html}\n\nThe end.`);
    // The editor warns while typing, from the parser's view of the text.
    await expect(cory.getByTestId("statement-html-warning")).toContainText("HTML is not rendered; it will show as text");
    await expect(cory.getByTestId("statement-html-warning")).toContainText(html);
    await cory.getByRole("button", { name: "Preview" }).click();
    const preview = cory.getByRole("region", { name: "Statement preview" });
    await expect(preview).toContainText(html);
    await expect(preview.locator("div[align]")).toHaveCount(0);
    await expectNoSeriousA11yViolations(cory);
    await cory.screenshot({ path: "e2e/screenshots/declare-cap.png", fullPage: true });

    await cory.getByRole("button", { name: "Submit declaration" }).click();
    await expect(cory.getByRole("form", { name: "Declaration" }).getByRole("alert")).toContainText("affiliation: This election allows at most 1 member per affiliation");
    await expect(cory.getByTestId("candidacy-status")).toHaveCount(0);

    await cory.getByRole("checkbox", { name: "I have no affiliation" }).check();
    await cory.getByRole("button", { name: "Submit declaration" }).click();
    await expect(cory.getByText("Declaration submitted; the officials will review it.")).toBeVisible();
    await cory.reload();
    await expect(cory.getByTestId("candidacy-status")).toContainText("submitted — waiting for the officials' review.");
    await expect(cory.getByRole("checkbox", { name: "I have no affiliation" })).toBeChecked();
  });

  await test.step("the candidate opens their declaration's page while it waits for review", async () => {
    await cory.getByRole("link", { name: /View your declaration's page/ }).click();
    await expect(cory.getByRole("heading", { level: 1, name: "Cory Candidate" })).toBeVisible();
    page = cory.url();
    await expect(cory.getByText("This declaration is waiting for the officials' review. Only its author and the officials can see it.")).toBeVisible();
    await expect(cory.getByRole("definition").filter({ hasText: "No affiliation" })).toBeVisible();
    // The HTML line is there, as text: nothing vanished and no element came of it.
    const main = cory.getByRole("main");
    await expect(main).toContainText(html);
    await expect(main).toContainText("The end.");
    await expect(main.locator("div[align]")).toHaveCount(0);
    await expectNoSeriousA11yViolations(cory);
    await cory.screenshot({ path: "e2e/screenshots/candidate-in-review.png", fullPage: true });
  });

  await test.step("another member and a signed-out visitor get a 404", async () => {
    const asVera = await vera.goto(page);
    expect(asVera?.status()).toBe(404);
    await expect(vera.getByText("Cory Candidate")).toHaveCount(0);
    const anonymous = await (await browser.newContext()).newPage();
    const asNobody = await anonymous.goto(page);
    expect(asNobody?.status()).toBe(404);
    await expect(anonymous.getByText("Cory Candidate")).toHaveCount(0);
  });

  await test.step("a rejection reason shows with one full stop, on the declare page and the candidate's page", async () => {
    await olu.goto(url("/manage/nominations"));
    await olu.getByText("Reject… Cory Candidate").click();
    const reject = olu.getByRole("form", { name: "Reject Cory Candidate" });
    await reject.getByLabel("Reason (shown to the candidate)", { exact: true }).fill("Not a contributor.");
    await reject.getByRole("button", { name: "Reject Cory Candidate" }).click();
    await expect(olu.getByTestId("candidacy-review").filter({ hasText: "Cory Candidate" })).toContainText(/rejected/);

    await cory.goto(url("/declare"));
    await expect(cory.getByTestId("candidacy-status")).toContainText("rejected — reason: Not a contributor. ");
    await expect(cory.getByTestId("candidacy-status")).not.toContainText("..");
    await cory.goto(page);
    await expect(cory.getByText("This declaration is rejected — reason: Not a contributor. Only its author")).toBeVisible();
    await expect(cory.getByRole("main")).not.toContainText("..");
  });
});
