// An admin imports a Kata Containers election folder from the browser (PRODUCT §3
// import), and lands on the new draft's manage page to review it; anyone else
// is refused. The app's database is fresh for every run (HUSTINGS_FRESH_DB).
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInWithOidc } from "./helpers/sign-in";

const FOLDER = path.join(import.meta.dirname, "..", "test", "fixtures", "import", "kata-2030-01");
const SLUG = "architecture-committee-elections-january-2030";

test("an admin uploads a Kata election folder and reviews the imported draft", async ({ page }) => {
  await signInWithOidc(page, "ada-admin", "/admin");
  await page.getByRole("link", { name: "import a Kata Containers election folder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a Kata Containers election folder" })).toBeVisible();
  const form = page.getByRole("form", { name: "Import a Kata election folder" });

  // Declarations without their README: refused in the form, nothing created.
  await form.getByLabel("Or choose its files", { exact: true }).setInputFiles([path.join(FOLDER, "AdaQuill.txt"), path.join(FOLDER, "cmorrow.md")]);
  await form.getByRole("button", { name: "Import election" }).click();
  await expect(form.getByRole("alert")).toContainText("no README.md");
  await form.getByLabel("Or choose its files", { exact: true }).setInputFiles([]);

  // The whole folder, as the folder picker gives it.
  await form.getByLabel("Election folder", { exact: true }).setInputFiles(FOLDER);
  await expect(form.getByLabel("Folder name", { exact: true })).toHaveValue("kata-2030-01");
  await form.getByRole("button", { name: "Import election" }).click();

  await page.waitForURL(`**/elections/${SLUG}/manage`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Architecture Committee Elections: January 2030");
  // The dashboard's checklist points to the declarations waiting for review.
  await expect(page.getByTestId("step-nominations")).toContainText("3 nominations await review.");
  await page.getByRole("link", { name: "Go to step: Nominations review" }).click();
  const candidacies = page.getByTestId("candidacy-review");
  await expect(candidacies).toHaveCount(3);
  for (const name of ["Ada Quill", "Bo Lindqvist", "Cleo Morrow"]) await expect(candidacies.filter({ hasText: name })).toHaveCount(1);

  // Once an official (the admin appoints herself), the review asks to confirm the affiliation inferred from the email domain.
  await page.goto("/admin");
  const appoint = page.getByRole("form", { name: "Appoint an official" });
  await appoint.getByLabel("Election", { exact: true }).selectOption({ label: `Architecture Committee Elections: January 2030 (${SLUG})` });
  await appoint.getByLabel("GitHub login or email", { exact: true }).fill("ada@example.org");
  await appoint.getByRole("button", { name: "Appoint official" }).click();
  await expect(appoint.getByText("is now an official")).toBeVisible();
  await page.goto(`/elections/${SLUG}/manage/nominations`);
  const acceptAda = page.getByRole("group", { name: "Review Ada Quill" }).getByRole("form", { name: "Accept Ada Quill" });
  await expect(acceptAda.getByLabel("Affiliation", { exact: true })).toHaveValue("Arm");
  await expect(acceptAda).toContainText("Inferred from email — please confirm");
  await page.getByRole("region", { name: /^Candidacies/ }).screenshot({ path: "e2e/screenshots/manage-candidacies-inferred.png" });

  // The same folder again: the duplicate is named in the form.
  await page.goto("/admin/import");
  await form.getByLabel("Election folder", { exact: true }).setInputFiles(FOLDER);
  await form.getByRole("button", { name: "Import election" }).click();
  await expect(form.getByRole("alert")).toContainText(`An election with the slug "${SLUG}" already exists`);
});

test("a voter opening the import page is refused", async ({ page }) => {
  await signInWithOidc(page, "vera-voter", "/admin/import");
  await page.goto("/admin/import");
  await expect(page.getByTestId("forbidden")).toContainText("only the instance's administrators can import elections");
  await expect(page.getByRole("button", { name: "Import election" })).toHaveCount(0);
});
