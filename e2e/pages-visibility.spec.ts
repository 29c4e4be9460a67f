// What the pages (not only the actions) show to whom, by direct URL:
// a tallied, unpublished result only to the election's officials, a draft's
// pages only to its officials, the official's dashboard to nobody else.
// Elections get into those states the way people put them there: the instance
// admin creates a community and names herself its admin, who imports a draft
// and appoints its official; the demo official closes and
// tallies the seeded Harbor election (files run in name order: this one after
// election-cycle and hardening, which vote in Harbor while it is open).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { communityHref, demoHref, electionHref, ensureCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";

// A fixed address: the database is fresh for every run, and a retry finds the community made by the first try.
const VIS = { slug: "e2e-visibility", name: "E2E Visibility" };
const FIXTURE = path.join(import.meta.dirname, "..", "test", "fixtures", "import", "kata-2030-01");
// The fixture moved a year on, so this draft never meets import-kata.spec.ts's.
const DRAFT_TITLE = "Architecture Committee Elections: January 2031";
const DRAFT = "architecture-committee-elections-january-2031";

type Who = "admin" | "official" | "voter" | "candidate" | "otherOfficial" | "draftOfficial" | "anonymous";
const LOGIN: Record<Exclude<Who, "anonymous">, string> = {
  admin: "ada-admin", // instance admin, and the admin of the VIS community
  official: "olu-official", // official of the three demo elections, not of the draft
  voter: "vera-voter", // Vera Voss, on the demo rolls
  candidate: "mei-tanaka", // Mei Tanaka, a candidate in every demo election
  otherOfficial: "wenli", // Wen Li, appointed below as the draft's official, so of no demo election
  draftOfficial: "wenli",
};

const pages = new Map<Who, Page>();
let draftCandidateId = "";

async function pageOf(browser: Browser, role: Who): Promise<Page> {
  const who = role === "otherOfficial" ? "draftOfficial" : role;
  const existing = pages.get(who);
  if (existing) return existing;
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept());
  if (who !== "anonymous") await signInWithOidc(page, LOGIN[who]);
  pages.set(who, page);
  return page;
}

/** Status of a direct visit, and what the page shows. */
async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  return { status: response?.status() ?? 0, text: await page.locator("body").innerText(), title: await page.title() };
}

// Each test visits many pages as several people: more than the default minute on a shared machine.
test.describe.configure({ timeout: 180_000 });

/**
 * The community admin imports the Kata fixture moved to `year` as a draft into VIS (unless it is
 * there already: a retry or a restarted worker runs beforeAll again) and returns
 * the id of one of its declarations.
 */
async function importDraft(ada: Page, year: number): Promise<string> {
  const slug = `architecture-committee-elections-january-${year}`;
  const existing = await ada.goto(electionHref(VIS.slug, slug, "/manage/nominations"));
  if (existing?.status() === 404) {
    const files = [];
    for (const name of await readdir(FIXTURE)) {
      const text = (await readFile(path.join(FIXTURE, name), "utf8")).replaceAll("2030", String(year)).replaceAll("2029", String(year - 1));
      files.push({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
    }
    await ada.goto(`/admin/import?community=${VIS.slug}`);
    const form = ada.getByRole("form", { name: "Import a Kata election folder" });
    await form.getByLabel("Or choose its files", { exact: true }).setInputFiles(files);
    await form.getByLabel("Folder name", { exact: true }).fill(`kata-${year}-01`);
    await form.getByRole("button", { name: "Import election" }).click();
    await ada.waitForURL(`**${electionHref(VIS.slug, slug, "/manage")}`);
    await ada.goto(electionHref(VIS.slug, slug, "/manage/nominations"));
  }
  const href = await ada.getByTestId("candidacy-review").first().getByRole("link").first().getAttribute("href");
  const id = href!.split("/").at(-1)!;
  expect(id).toMatch(/^[a-z0-9]{20,}$/);
  return id;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const ada = await pageOf(browser, "admin");
  // Wen Li must have signed in once before she can be appointed.
  const wen = await pageOf(browser, "draftOfficial");

  // The instance admin makes herself the admin of a community, imports a draft with three declarations there, and appoints Wen Li its official.
  await ensureCommunity(ada, VIS, [{ name: "Ada Admin", login: "ada@example.org" }]);
  draftCandidateId = await importDraft(ada, 2031);
  await ada.goto(communityHref(VIS.slug, "/admin"));
  if ((await ada.getByRole("form", { name: `Remove Wen Li as an official of ${DRAFT_TITLE}` }).count()) === 0) {
    const appoint = ada.getByRole("form", { name: "Appoint an official" });
    await appoint.getByLabel("Election", { exact: true }).selectOption({ label: `${DRAFT_TITLE} (${DRAFT})` });
    await appoint.getByLabel("GitHub login or email", { exact: true }).fill("wen@example.org");
    await appoint.getByRole("button", { name: "Appoint official" }).click();
    await expect(appoint.getByText("is now an official")).toBeVisible();
  }

  // The demo official closes Harbor's voting early and tallies it, without publishing.
  const olu = await pageOf(browser, "official");
  await olu.goto(demoHref("harbor", "/manage/close"));
  const state = olu.getByTestId("manage-state");
  if ((await state.textContent()) === "State: scheduled") {
    await olu.getByRole("button", { name: "Close voting" }).click();
    await expect(state).toHaveText("State: closed");
  }
  await olu.goto(demoHref("harbor", "/manage/tally"));
  if ((await state.textContent()) === "State: closed") {
    await olu.getByRole("button", { name: "Tally", exact: true }).click();
  }
  await expect(state).toHaveText("State: tallied");
});

test.afterAll(async () => {
  for (const page of pages.values()) await page.context().close();
});

test("a tallied, unpublished result is shown to the election's officials only", async ({ browser }) => {
  const olu = await pageOf(browser, "official");
  const shown = await visit(olu, demoHref("harbor", "/results"));
  expect(shown.status).toBe(200);
  await expect(olu.getByRole("status").filter({ hasText: "Under review" })).toBeVisible();
  // Three seats: the official reviewing sees the three winners and the full ranking.
  await expect(olu.getByTestId("winners").locator("li")).toHaveCount(3);
  await expect(olu.getByTestId("full-ranking").locator("tbody tr")).toHaveCount(6);
  const hash = ((await olu.getByTestId("ballot-hash").textContent()) ?? "").trim();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  for (const who of ["voter", "candidate", "otherOfficial", "anonymous"] as const) {
    const page = await pageOf(browser, who);
    const r = await visit(page, demoHref("harbor", "/results"));
    expect(r.status, who).toBe(200);
    await expect(page.getByTestId("results-not-published"), who).toBeVisible();
    await expect(page.getByTestId("winners"), who).toHaveCount(0);
    await expect(page.getByTestId("full-ranking"), who).toHaveCount(0);
    await expect(page.getByTestId("pairwise-heatmap"), who).toHaveCount(0);
    expect(r.text, who).not.toContain(hash);
    expect(r.text, who).not.toMatch(/elected|winner/i);
    // Nor do the ballots leak through the export before publication.
    expect((await page.request.get(demoHref("harbor", "/export?format=json"))).status(), who).toBe(403);
    // Nor does the election page.
    const home = await visit(page, demoHref("harbor"));
    expect(home.text, who).not.toContain(hash);
    await expect(page.getByTestId("winners"), who).toHaveCount(0);
  }
});

test("a draft's pages answer 404 by direct URL to everyone but its officials", async ({ browser }) => {
  const urls = ["", "/results", "/vote", "/declare", "/exception", `/candidates/${draftCandidateId}`, "/manage"].map((s) => electionHref(VIS.slug, DRAFT, s));

  for (const who of ["official", "voter", "candidate", "anonymous"] as const) {
    const page = await pageOf(browser, who);
    for (const url of urls) {
      const r = await visit(page, url);
      expect(r.status, `${who} ${url}`).toBe(404);
      expect(r.text, `${who} ${url}`).not.toContain("January 2031");
      expect(r.title, `${who} ${url}`).not.toContain("January 2031");
      expect(r.text, `${who} ${url}`).not.toMatch(/Ada Quill|Bo Lindqvist|Cleo Morrow/);
    }
    const exported = await page.request.get(electionHref(VIS.slug, DRAFT, "/export?format=json"));
    expect([403, 404], `${who} export`).toContain(exported.status());
    expect(await exported.text(), `${who} export`).not.toMatch(/Ada Quill|January 2031/);
  }

  // Its official sees every one of them.
  const wen = await pageOf(browser, "draftOfficial");
  for (const url of urls) {
    const r = await visit(wen, url);
    expect(r.status, url).toBe(200);
    expect(r.text, url).toContain("January 2031");
  }
  await visit(wen, electionHref(VIS.slug, DRAFT, "/manage"));
  await expect(wen.getByTestId("manage-state")).toHaveText("State: draft");
});

test("the official's dashboard refuses a voter, a candidate, another election's official and anonymous", async ({ browser }) => {
  // Lighthouse takes nominations: Mei Tanaka's declaration there awaits review, which only officials may see.
  test.setTimeout(360_000);
  // Every page of the dashboard goes through the one guard: each is tried on Lighthouse, the usual ones on Harbor.
  const subPages: Record<string, string[]> = {
    lighthouse: ["", "/rules", "/schedule", "/electorate", "/nominations", "/exceptions", "/close", "/tally", "/officials", "/audit", "/cancel"],
    harbor: ["", "/nominations", "/close", "/tally", "/audit"],
  };
  for (const slug of ["lighthouse", "harbor"] as const) {
    for (const who of ["voter", "candidate", "otherOfficial", "anonymous"] as const) {
      const page = await pageOf(browser, who);
      for (const sub of subPages[slug]) {
        const where = `${who} ${slug}/manage${sub}`;
        const r = await visit(page, demoHref(slug, `/manage${sub}`));
        await expect(page.getByTestId("forbidden"), where).toContainText("only the officials of");
        for (const testId of ["manage-state", "candidacy-review", "audit-log", "turnout-so-far", "next-step", "checklist", "step-position", "officials-list"]) {
          await expect(page.getByTestId(testId), `${where}: ${testId}`).toHaveCount(0);
        }
        for (const form of ["Schedule", "Import electorate", "Settings"]) await expect(page.getByRole("form", { name: form }), where).toHaveCount(0);
        for (const button of ["Close voting", "Tally", "Publish results", "Cancel election", "Open election", "Declare elected unopposed"]) {
          await expect(page.getByRole("button", { name: button }), `${where}: ${button}`).toHaveCount(0);
        }
        expect(r.text, where).not.toMatch(/Electorate|Audit log|Candidacies|Schedule|Lifecycle checklist|Nominations review/);
      }
    }
  }
  // The official sees the dashboard.
  const olu = await pageOf(browser, "official");
  await visit(olu, demoHref("lighthouse", "/manage/nominations"));
  await expect(olu.getByTestId("manage-state")).toHaveText("State: scheduled");
  await expect(olu.getByTestId("forbidden")).toHaveCount(0);
  await expect(olu.getByTestId("candidacy-review").filter({ hasText: "Mei Tanaka" })).toHaveCount(1);
});

test("a draft cancelled before it ever opened stays private, page titles included", async ({ browser }) => {
  // A second draft, so the first stays a draft for the test above (and for a retry).
  const ada = await pageOf(browser, "admin");
  const candidateId = await importDraft(ada, 2032);
  const slug = "architecture-committee-elections-january-2032";
  await ada.goto(electionHref(VIS.slug, slug, "/manage/cancel"));
  if ((await ada.getByTestId("manage-state").textContent()) !== "State: cancelled") {
    await ada.getByLabel("Reason (public)", { exact: true }).fill("Imported by mistake.");
    await ada.getByRole("button", { name: "Cancel election" }).click();
    await expect(ada.getByTestId("manage-state")).toHaveText("State: cancelled");
  }

  const urls = ["", "/results", "/vote", "/declare", `/candidates/${candidateId}`, "/manage"].map((s) => electionHref(VIS.slug, slug, s));
  for (const who of ["official", "voter", "anonymous"] as const) {
    const page = await pageOf(browser, who);
    for (const url of urls) {
      const r = await visit(page, url);
      expect(r.status, `${who} ${url}`).toBe(404);
      expect(r.title, `${who} ${url}: page title`).not.toContain("January 2032");
      expect(r.text, `${who} ${url}`).not.toContain("January 2032");
    }
  }
});
