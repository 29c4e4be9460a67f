// Issue 8 (items 4, 6, 9), as a first-time admin and official meet the pages:
// appointing "@login" from the election's own officials page, opening only
// what can succeed (and being warned about an empty roll), a schedule in
// 24-hour UTC with its mistakes named beside the fields, every bad roll line at
// once, a searchable roll with single removals, the declarations waiting for
// review first with confirmations that say what happened, and a member's
// request whose links are links (never a javascript: one). Each page passes
// axe; screenshots go to e2e/screenshots (git-ignored).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createElection, electionHref } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

test.describe.configure({ mode: "serial", timeout: 300_000 });

// Beacon: the demo instance admin, Ada, is also this community's admin.
const COMMUNITY = "beacon";
const SLUG = `e2e-journeys-${Date.now().toString(36)}`;
const TITLE = `Journeys Council ${SLUG.slice(-6)}`;
const url = (rest = "") => electionHref(COMMUNITY, SLUG, rest);
const HOUR = 3_600_000;
/** "YYYY-MM-DD HH:MM" in UTC, `ms` from now: what the schedule form shows and reads. */
const utcMinute = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16).replace("T", " ");

interface Person {
  page: Page;
  /** Every window.confirm text the person was asked, in order (each is accepted). */
  confirms: string[];
}

const people = new Map<string, Person>();

async function as(browser: Browser, login: string): Promise<Person> {
  const known = people.get(login);
  if (known) return known;
  const page = await (await browser.newContext()).newPage();
  const confirms: string[] = [];
  page.on("dialog", (d) => {
    confirms.push(d.message());
    void d.accept();
  });
  await signInWithOidc(page, login);
  const person = { page, confirms };
  people.set(login, person);
  return person;
}

test("the community admin appoints @login from the election's officials page, and removes with a confirmation", async ({ browser }) => {
  const { page: ada, confirms } = await as(browser, "ada-admin");
  // Everyone the test names has signed in once.
  await as(browser, "olu-official");
  await as(browser, "vera-voter");
  await createElection(ada, COMMUNITY, { title: TITLE, slug: SLUG });

  await ada.goto(url("/manage/officials"));
  const appoint = ada.getByRole("form", { name: `Appoint an official of ${TITLE}` });
  await expect(ada.getByRole("heading", { name: `Appoint an official of ${TITLE}` })).toBeVisible();

  // Nobody by that name: said plainly, and only then.
  await appoint.getByLabel("GitHub login or email", { exact: true }).fill("@nobody-by-this-name");
  await appoint.getByRole("button", { name: "Appoint official" }).click();
  await expect(appoint.getByRole("alert")).toHaveText(
    "Error: Nobody called @nobody-by-this-name has signed in to Hustings yet; they must sign in once before they can be appointed.",
  );

  // "@login", as logins are shown everywhere, with stray spaces and capitals.
  await appoint.getByLabel("GitHub login or email", { exact: true }).fill("  @Olu-Official ");
  await appoint.getByRole("button", { name: "Appoint official" }).click();
  await expect(appoint.getByText(`✓ Olu Official (@olu-official) is now an official of ${TITLE}.`)).toBeVisible();
  await appoint.getByLabel("GitHub login or email", { exact: true }).fill("@vera-voter");
  await appoint.getByRole("button", { name: "Appoint official" }).click();
  await expect(appoint.getByText(`✓ Vera Voss (@vera-voter) is now an official of ${TITLE}.`)).toBeVisible();
  await ada.reload();
  await expect(ada.getByTestId("officials-list")).toContainText("@olu-official");
  await expect(ada.getByTestId("officials-list")).toContainText("@vera-voter");
  await expectNoSeriousA11yViolations(ada);
  await ada.screenshot({ path: "e2e/screenshots/manage-officials.png", fullPage: true });

  const removeVera = ada.getByRole("form", { name: `Remove Vera Voss as an official of ${TITLE}` });
  await removeVera.getByRole("button", { name: "Remove Vera Voss" }).click();
  // The confirmation stays though Vera's row is gone.
  await expect(ada.getByTestId("decision-result")).toHaveText("✓ Vera Voss is no longer an official of this election.");
  await expect(removeVera).toHaveCount(0);
  expect(confirms.at(-1)).toBe(`Remove Vera Voss as an official of ${TITLE}? They lose access to it at once.`);
  await ada.reload();
  await expect(ada.getByTestId("officials-list")).not.toContainText("@vera-voter");
  // Removing the last one says what it leaves behind, before anything happens.
  await expect(ada.getByRole("form", { name: `Remove Olu Official as an official of ${TITLE}` })).toHaveCount(1);
});

test("the official sets a schedule in 24-hour UTC, is told what is missing before opening, and is warned about an empty roll", async ({ browser }) => {
  const { page: olu, confirms } = await as(browser, "olu-official");
  await olu.goto(url("/manage/schedule"));

  // No schedule: no "Open election" button to fail, but what is missing and where to set it.
  const opening = olu.getByTestId("open-election");
  await expect(opening.getByRole("button", { name: "Open election" })).toHaveCount(0);
  await expect(opening.getByTestId("open-missing")).toContainText("The schedule has no date yet for: nominations open, nominations close, voting opens, voting closes.");
  await expect(opening.getByRole("link", { name: "Set the schedule above" })).toHaveAttribute("href", "#schedule-form");

  const form = olu.getByRole("form", { name: "Schedule" });
  const field = (name: string) => form.getByLabel(`${name} (UTC)`, { exact: true });
  // Text fields in ISO style: no locale's 12-hour picker.
  await expect(field("Voting closes")).toHaveAttribute("type", "text");
  await expect(field("Voting closes")).toHaveAttribute("placeholder", "YYYY-MM-DD HH:MM");

  // Voting closing before it opens: said in words next to the field, not as `votingCloseAt: …`.
  await field("Nominations open").fill(utcMinute(-HOUR));
  await field("Nominations close").fill(utcMinute(24 * HOUR));
  await field("Voting opens").fill(utcMinute(48 * HOUR));
  await field("Voting closes").fill(utcMinute(47 * HOUR));
  await form.getByRole("button", { name: "Save schedule" }).click();
  const error = form.getByTestId("votingCloseAt-error");
  await expect(error).toHaveText("Voting closes must be after voting opens.");
  await expect(field("Voting closes")).toHaveAttribute("aria-invalid", "true");
  await expect(field("Voting closes")).toHaveAccessibleDescription(/Voting closes must be after voting opens\./);
  await expect(form.getByRole("alert")).not.toContainText("votingCloseAt");
  await expect(field("Voting opens")).not.toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(olu);
  await form.screenshot({ path: "e2e/screenshots/manage-schedule-error.png" });

  // A 12-hour time is refused, naming the field and the expected notation.
  await field("Voting closes").fill("12/04/2026 5:00 PM");
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByTestId("votingCloseAt-error")).toContainText("Voting closes: write the date and time as YYYY-MM-DD HH:MM, 24-hour UTC");

  const close = utcMinute(72 * HOUR);
  await field("Voting closes").fill(close);
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByText("✓ Schedule saved.")).toBeVisible();
  await olu.reload();
  // The hint says what is stored, in the same notation: "saved: …", never "Now: …".
  await expect(field("Voting closes")).toHaveValue(close);
  await expect(field("Voting closes")).toHaveAccessibleDescription(`24-hour, UTC; saved: ${close} UTC`);
  await expect(olu.getByText(/Now:/)).toHaveCount(0);

  // Openable now; the roll is empty, so the page and the confirmation say so first.
  await expect(opening.getByTestId("open-empty-roll")).toContainText("The electorate is empty: nobody will be able to vote until you import it.");
  await expectNoSeriousA11yViolations(olu);
  await olu.screenshot({ path: "e2e/screenshots/manage-schedule.png", fullPage: true });
  await opening.getByRole("button", { name: "Open election" }).click();
  await expect(olu.getByTestId("manage-state")).toHaveText("State: scheduled");
  expect(confirms.at(-1)).toBe("The electorate is empty: nobody will be able to vote until you import it. Open anyway?");
});

test("the official sees every bad roll line at once, then searches the roll and removes one person", async ({ browser }) => {
  const { page: olu, confirms } = await as(browser, "olu-official");
  await olu.goto(url("/manage/electorate"));
  const importForm = olu.getByRole("form", { name: "Import electorate" });

  // The file picker is a control, and says which file was chosen.
  const picker = importForm.getByLabel("Choose roll file…", { exact: true });
  await expect(importForm.getByText("Choose roll file…")).toBeVisible();
  await expect(importForm.getByTestId("roll-file-chosen")).toHaveText("No file chosen");
  const bad = ["login,email,name", "vera-voter,vera@example.org,Vera Voss", "bad login,,X", "cory-candidate,cory@example.org,Cory", ",not-an-email,Y", ",,Nobody"].join("\n");
  await picker.setInputFiles({ name: "roll-with-mistakes.csv", mimeType: "text/csv", buffer: Buffer.from(`${bad}\n`) });
  await expect(importForm.getByTestId("roll-file-chosen")).toHaveText("Chosen: roll-with-mistakes.csv");
  await importForm.getByRole("button", { name: "Import electorate" }).click();
  const alert = importForm.getByRole("alert");
  await expect(alert).toContainText("3 entries are wrong; nothing was imported:");
  await expect(alert).toContainText('line 3: login "bad login" is not a valid GitHub login');
  await expect(alert).toContainText('line 5: email "not-an-email" is not a valid email address');
  await expect(alert).toContainText("line 6: entry has neither a GitHub login nor an email");
  await expect(olu.getByTestId("roll-count")).toHaveText("0 on the roll.");
  await expectNoSeriousA11yViolations(olu);
  await olu.screenshot({ path: "e2e/screenshots/manage-electorate-errors.png", fullPage: true });

  const good = ["login,email,name", "vera-voter,vera@example.org,Vera Voss", "cory-candidate,cory@example.org,Cory Candidate", "olu-official,olu@example.org,Olu Official", "dana-okafor,dana@example.org,Dana Okafor"].join("\n");
  await picker.setInputFiles({ name: "roll.csv", mimeType: "text/csv", buffer: Buffer.from(`${good}\n`) });
  await importForm.getByRole("button", { name: "Import electorate" }).click();
  await expect(importForm.getByText("✓ Imported: 4 added, 0 removed; the electorate has 4 voters.")).toBeVisible();

  // Search on the server, by login, email or name.
  await olu.goto(url("/manage/electorate"));
  const search = olu.getByRole("search", { name: "Search the roll" });
  await search.getByLabel("Search by login, email or name", { exact: true }).fill("okafor");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(olu).toHaveURL(/[?&]q=okafor/);
  await expect(olu.getByTestId("roll-count")).toHaveText("1 of 4 match “okafor”. Anyone can be removed until voting opens.");
  const entries = olu.getByTestId("roll-entries").locator(":scope > li");
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("@dana-okafor · dana@example.org · Dana Okafor");
  await expectNoSeriousA11yViolations(olu);
  await olu.screenshot({ path: "e2e/screenshots/manage-electorate.png", fullPage: true });

  const remove = olu.getByRole("form", { name: "Remove @dana-okafor · dana@example.org · Dana Okafor from the electorate" });
  await remove.getByRole("button", { name: "Remove @dana-okafor" }).click();
  await expect(olu.getByTestId("decision-result")).toHaveText("✓ Removed @dana-okafor <dana@example.org>; the electorate has 3 voters.");
  await expect(remove).toHaveCount(0);
  expect(confirms.at(-1)).toMatch(/^Remove @dana-okafor · dana@example\.org · Dana Okafor from the electorate\?/);
  await olu.goto(url("/manage/electorate?q=dana"));
  await expect(olu.getByTestId("roll-count")).toHaveText("0 of 3 match “dana”.");
});

test("declarations waiting for review come first with counts; accept and reject say what happened", async ({ browser }) => {
  const olu = (await as(browser, "olu-official")).page;
  for (const [login, name] of [
    ["cory-candidate", "Cory Candidate"],
    ["vera-voter", "Vera Voss"],
  ] as const) {
    const { page } = await as(browser, login);
    await page.goto(url("/declare"));
    await page.getByLabel("Display name", { exact: true }).fill(name);
    await page.getByLabel("Email", { exact: true }).fill(`${login.split("-")[0]}@example.org`);
    const affiliation = page.getByLabel("Affiliation", { exact: true });
    if ((await affiliation.count()) > 0) await affiliation.fill("Acme Widgets");
    await page.getByLabel("Statement (Markdown)", { exact: true }).fill(`${name} would like to serve.`);
    await page.getByRole("button", { name: "Submit declaration" }).click();
    await expect(page.getByTestId("candidacy-status")).toBeVisible();
  }

  await olu.goto(url("/manage/nominations"));
  await expect(olu.getByTestId("candidacy-counts")).toHaveText("2 waiting. Those waiting for review come first.");
  const accept = olu.getByRole("form", { name: "Accept Cory Candidate" });
  await accept.getByRole("button", { name: "Accept Cory Candidate" }).click();
  const cory = olu.getByTestId("candidacy-review").filter({ hasText: "Cory Candidate" });
  await expect(cory.getByText("✓ Accepted Cory Candidate's declaration.")).toBeVisible();
  await expect(cory).toContainText("— accepted");

  await olu.getByText("Reject… Vera Voss").click();
  const reject = olu.getByRole("form", { name: "Reject Vera Voss" });
  await reject.getByLabel("Reason (shown to the candidate)", { exact: true }).fill("Not a maintainer of a project in scope.");
  await reject.getByRole("button", { name: "Reject Vera Voss" }).click();
  const vera = olu.getByTestId("candidacy-review").filter({ hasText: "Vera Voss" });
  await expect(vera.getByText("✓ Rejected Vera Voss's declaration; the candidate sees the reason.")).toBeVisible();
  // The reason ends with its own full stop: shown once, not "..".
  await expect(vera.getByTestId("rejection-reason")).toHaveText("Rejected. Reason given to the candidate: Not a maintainer of a project in scope.");

  await olu.reload();
  await expect(olu.getByTestId("candidacy-counts")).toHaveText("0 waiting, 1 accepted, 1 rejected.");
  await expectNoSeriousA11yViolations(olu);
  await olu.screenshot({ path: "e2e/screenshots/manage-nominations.png", fullPage: true });
});

test("links in a member's exception request are links, http(s) only, and the request shows its attempt", async ({ browser }) => {
  const { page: ines } = await as(browser, "ines-ineligible");
  await ines.goto(url("/exception"));
  await ines
    .getByLabel("Reason", { exact: true })
    .fill("My reviews: https://github.com/beacon/docs/pulls?q=reviewed-by%3Aines. Not a link: javascript:alert(document.cookie)");
  await ines.getByRole("button", { name: "Send request" }).click();
  await expect(ines.getByTestId("exception-status")).toBeVisible();

  const olu = (await as(browser, "olu-official")).page;
  await olu.goto(url("/manage/exceptions"));
  const request = olu.getByTestId("exception-request").filter({ hasText: "Ines Ineligible" });
  await expect(request.getByTestId("exception-attempt")).toContainText("Request 1 of at most 3");
  const reason = request.getByTestId("exception-reason");
  const links = reason.getByRole("link");
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveAttribute("href", "https://github.com/beacon/docs/pulls?q=reviewed-by%3Aines");
  await expect(links.first()).toHaveAttribute("rel", /\bnofollow\b/);
  await expect(links.first()).toHaveAttribute("rel", /\bnoopener\b/);
  // The javascript: address stays text.
  await expect(reason).toContainText("javascript:alert(document.cookie)");
  await expect(reason.locator('a[href^="javascript"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(olu);
  await olu.screenshot({ path: "e2e/screenshots/manage-exceptions.png", fullPage: true });

  const decide = olu.getByRole("form", { name: "Decide the request of Ines Ineligible" });
  await decide.getByLabel("Note (shown to the member and recorded in the audit log)", { exact: true }).fill("Please ask again with a link to a merged change.");
  await decide.getByRole("button", { name: "Deny Ines Ineligible" }).click();
  await expect(request.getByText("✓ Denied; the member can read your note.")).toBeVisible();
  await expect(request).toContainText("Officials' note: Please ask again with a link to a merged change.");
  await expect(request.getByRole("form", { name: "Decide the request of Ines Ineligible" })).toHaveCount(0);
});
