// A community admin imports a Kata Containers election folder from the browser
// (PRODUCT §3 import) into their community, and lands on the new draft's manage
// page to review it; anyone else is refused. The app's database is fresh for
// every run (HUSTINGS_FRESH_DB).
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appointOfficial, communityHref, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";

const FOLDER = path.join(import.meta.dirname, "..", "test", "fixtures", "import", "kata-2030-01");
const SLUG = "architecture-committee-elections-january-2030";
const TITLE = "Architecture Committee Elections: January 2030";

test("a community admin uploads a Kata election folder into the community and reviews the imported draft", async ({ page }) => {
  const kata = uniqueCommunity("kata");
  await signInWithOidc(page, "ada-admin", "/admin");
  // The instance admin creates the community and names herself its admin.
  await ensureCommunity(page, kata, [{ name: "Ada Admin", login: "ada@example.org" }]);
  await page.goto(communityHref(kata.slug, "/admin"));
  await page.getByRole("link", { name: "import a Kata Containers election folder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a Kata Containers election folder" })).toBeVisible();
  const form = page.getByRole("form", { name: "Import a Kata election folder" });
  // The link names the community it came from.
  await expect(form.getByLabel("Community", { exact: true }).locator("option:checked")).toHaveText(kata.name);

  // Declarations without their README: refused in the form, nothing created.
  await form.getByLabel("Or choose its files", { exact: true }).setInputFiles([path.join(FOLDER, "AdaQuill.txt"), path.join(FOLDER, "cmorrow.md")]);
  await form.getByRole("button", { name: "Import election" }).click();
  await expect(form.getByRole("alert")).toContainText("no README.md");
  await form.getByLabel("Or choose its files", { exact: true }).setInputFiles([]);

  // The whole folder, as the folder picker gives it.
  await form.getByLabel("Election folder", { exact: true }).setInputFiles(FOLDER);
  await expect(form.getByLabel("Folder name", { exact: true })).toHaveValue("kata-2030-01");
  await form.getByRole("button", { name: "Import election" }).click();

  await page.waitForURL(`**${electionHref(kata.slug, SLUG, "/manage")}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  // The dashboard's checklist points to the declarations waiting for review.
  await expect(page.getByTestId("step-nominations")).toContainText("3 nominations await review.");
  await page.getByRole("link", { name: "Go to step: Nominations review" }).click();
  const candidacies = page.getByTestId("candidacy-review");
  await expect(candidacies).toHaveCount(3);
  for (const name of ["Ada Quill", "Bo Lindqvist", "Cleo Morrow"]) await expect(candidacies.filter({ hasText: name })).toHaveCount(1);

  // Once an official (the community admin appoints herself), the review asks to confirm the affiliation inferred from the email domain.
  await appointOfficial(page, kata.slug, { title: TITLE, slug: SLUG }, "ada@example.org");
  await page.goto(electionHref(kata.slug, SLUG, "/manage/nominations"));
  const acceptAda = page.getByRole("group", { name: "Review Ada Quill" }).getByRole("form", { name: "Accept Ada Quill" });
  await expect(acceptAda.getByLabel("Affiliation", { exact: true })).toHaveValue("Arm");
  await expect(acceptAda).toContainText("Inferred from email — please confirm");
  await page.getByRole("region", { name: /^Candidacies/ }).screenshot({ path: "e2e/screenshots/manage-candidacies-inferred.png" });

  // The same folder again into the same community: the duplicate is named in the form.
  await page.goto(`/admin/import?community=${kata.slug}`);
  await form.getByLabel("Election folder", { exact: true }).setInputFiles(FOLDER);
  await form.getByRole("button", { name: "Import election" }).click();
  await expect(form.getByRole("alert")).toContainText(`${kata.name} already has an election with the slug "${SLUG}"`);

  // Addresses are per community: the same folder lands in another community of hers, beside the first.
  const other = uniqueCommunity("kata-other");
  await ensureCommunity(page, other, [{ name: "Ada Admin", login: "ada@example.org" }]);
  await page.goto(`/admin/import?community=${other.slug}`);
  await expect(form.getByLabel("Community", { exact: true }).locator("option:checked")).toHaveText(other.name);
  await form.getByLabel("Election folder", { exact: true }).setInputFiles(FOLDER);
  await form.getByRole("button", { name: "Import election" }).click();
  await page.waitForURL(`**${electionHref(other.slug, SLUG, "/manage")}`);
  await page.goto(electionHref(other.slug, SLUG, "/manage/nominations"));
  await expect(page.getByTestId("candidacy-review")).toHaveCount(3);
  expect((await page.goto(electionHref(kata.slug, SLUG, "/manage/nominations")))?.status()).toBe(200);
  await expect(page.getByTestId("candidacy-review")).toHaveCount(3);
});

test("a voter opening the import page is refused", async ({ page }) => {
  await signInWithOidc(page, "vera-voter", "/admin/import");
  await page.goto("/admin/import");
  await expect(page.getByTestId("forbidden")).toContainText("only a community's admins can import elections into it");
  await expect(page.getByRole("button", { name: "Import election" })).toHaveCount(0);
});
