// Nobody acts across communities unless named there (issue 7, point 7, in the
// browser): the instance admin creates two communities and names a different
// admin for each; each admin is refused the other's admin page, and server
// actions replayed over HTTP by the wrong person (another community's admin, a
// voter, anonymous) are refused and change nothing the pages show.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { communityHref, createElection, DEMO, electionHref, ensureCommunity, uniqueCommunity, type CommunityRef } from "./helpers/communities";
import { answer, captureAction, replay } from "./helpers/server-actions";
import { signInWithOidc } from "./helpers/sign-in";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

test.describe.configure({ mode: "serial", timeout: 180_000 });

// Wen Li runs North, Mei Tanaka runs South; Vera Voss is a member with no role; Ada is the instance admin.
const NORTH = uniqueCommunity("north");
const SOUTH = uniqueCommunity("south");
const WEN = { name: "Wen Li", login: "wen@example.org" };
const MEI = { name: "Mei Tanaka", login: "mei@example.org" };

const people = new Map<string, Page>();

async function pageOf(browser: Browser, login: string | null): Promise<Page> {
  const key = login ?? "anonymous";
  const existing = people.get(key);
  if (existing) return existing;
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept());
  if (login) await signInWithOidc(page, login);
  people.set(key, page);
  return page;
}

/** The community's id, as the instance admin's page carries it in its form. */
async function communityId(ada: Page, c: CommunityRef): Promise<string> {
  await ada.goto("/admin");
  const option = ada.getByRole("form", { name: "Appoint a community admin" }).getByLabel("Community", { exact: true }).locator("option", { hasText: `${c.name} (${c.slug})` });
  const id = await option.getAttribute("value");
  expect(id).toBeTruthy();
  return id!;
}

/** What the community's own admin sees on its admin page: the titles of its elections. */
async function electionTitles(admin: Page, c: CommunityRef): Promise<string[]> {
  await admin.goto(communityHref(c.slug, "/admin"));
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Administration: ${c.name}`);
  const rows = admin.getByRole("table", { name: "Every election of this community with its officials" }).locator("tbody tr");
  return (await rows.locator("td:first-child a:first-child").allTextContents()).map((t) => t.trim());
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  // Everyone signs in once first: appointing someone needs an existing user.
  await pageOf(browser, "wenli");
  await pageOf(browser, "mei-tanaka");
  await pageOf(browser, "vera-voter");
  const ada = await pageOf(browser, "ada-admin");
  await ensureCommunity(ada, NORTH, [WEN]);
  await ensureCommunity(ada, SOUTH, [MEI]);
});

test.afterAll(async () => {
  for (const page of people.values()) await page.context().close();
});

test("a community's admin page refuses another community's admin, a voter and anonymous, and gives the instance admin not named there only the profile", async ({ browser }) => {
  const refused: [string, string | null, CommunityRef][] = [
    ["North's admin on South", "wenli", SOUTH],
    ["South's admin on North", "mei-tanaka", NORTH],
    ["North's admin on a demo community", "wenli", { slug: DEMO.harbor.community, name: DEMO.harbor.communityName }],
    ["a voter", "vera-voter", NORTH],
    ["anonymous", null, NORTH],
  ];
  for (const [who, login, c] of refused) {
    const page = await pageOf(browser, login);
    await page.goto(communityHref(c.slug, "/admin"));
    await expect(page.getByTestId("forbidden"), who).toContainText(`only the admins of ${c.name} can create its elections`);
    for (const form of ["Create an election", "Appoint an official"]) await expect(page.getByRole("form", { name: form }), who).toHaveCount(0);
    await expect(page.getByRole("table"), who).toHaveCount(0);
  }
  // The instance admin, not named in South, may edit its profile (updateCommunity allows it) but
  // gets none of its admins' powers: no election or official forms, no elections table (the
  // community's audit log, where her own appointments are, stays readable).
  const ada = await pageOf(browser, "ada-admin");
  await ada.goto(communityHref(SOUTH.slug, "/admin"));
  await expect(ada.getByText(`You administer this instance, not ${SOUTH.name}`)).toBeVisible();
  await expect(ada.getByRole("form", { name: "Community profile and default rules" })).toBeVisible();
  for (const form of ["Create an election", "Appoint an official"]) await expect(ada.getByRole("form", { name: form })).toHaveCount(0);
  await expect(ada.getByRole("table", { name: "Every election of this community with its officials" })).toHaveCount(0);
  await expect(ada.getByRole("table", { name: "Recent audit entries of this community, newest first" })).toBeVisible();
  await expect((await pageOf(browser, null)).getByTestId("forbidden").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(communityHref(NORTH.slug, "/admin"))}`);

  // The instance admin's page is no community admin's.
  for (const login of ["wenli", "vera-voter"]) {
    const page = await pageOf(browser, login);
    await page.goto("/admin");
    await expect(page.getByTestId("forbidden"), login).toContainText("only the instance's administrators can create communities");
    for (const form of ["Create a community", "Appoint a community admin", "End a person's sessions"]) await expect(page.getByRole("form", { name: form }), login).toHaveCount(0);
  }

  // The import page offers a community admin only their own community, whatever the link asks for.
  const wen = await pageOf(browser, "wenli");
  await wen.goto(`/admin/import?community=${SOUTH.slug}`);
  const select = wen.getByRole("form", { name: "Import a Kata election folder" }).getByLabel("Community", { exact: true });
  await expect(select.locator("option")).toHaveText([NORTH.name]);

  // Each admin has their own page.
  await wen.goto(communityHref(NORTH.slug, "/admin"));
  await expect(wen.getByRole("form", { name: "Create an election" })).toBeVisible();
  await expect(wen.getByTestId("forbidden")).toHaveCount(0);
});

test("server actions replayed by the wrong person are refused and change nothing", async ({ browser }) => {
  const ada = await pageOf(browser, "ada-admin");
  const wen = await pageOf(browser, "wenli");
  const mei = await pageOf(browser, "mei-tanaka");
  const vera = await pageOf(browser, "vera-voter");
  const anonymous = await pageOf(browser, null);
  const northId = await communityId(ada, NORTH);
  const southId = await communityId(ada, SOUTH);
  expect(northId).not.toBe(southId);

  // Wen creates an election in North through the page; the call is captured.
  const slug = `e2e-roles-${Date.now().toString(36)}`;
  const title = `North Council ${slug.slice(-6)}`;
  const create = await captureAction(wen, () => createElection(wen, NORTH.slug, { title, slug, seats: 1 }));
  // The community is an argument the page bound: it travels in the body, where anyone can change it.
  expect(create.body).toContain(northId);
  expect(create.body).toContain(slug);

  const forged = (body: string, tag: string) => body.replaceAll(slug, `${slug}-${tag}`).replaceAll(title, `${title} ${tag}`);
  const attempts: [string, Page, string, string, RegExp][] = [
    ["a voter, into North", vera, forged(create.body, "voter"), "voter", /Only an admin of this community can do this/],
    ["anonymous, into North", anonymous, forged(create.body, "anon"), "anon", /Sign in first/],
    ["North's admin, into South", wen, forged(create.body, "south").replaceAll(northId, southId), "south", /Only an admin of this community can do this/],
    ["South's admin, into North", mei, forged(create.body, "mei"), "mei", /Only an admin of this community can do this/],
    ["the instance admin, into North", ada, forged(create.body, "ada"), "ada", /Only an admin of this community can do this/],
  ];
  for (const [who, page, body, , refusal] of attempts) {
    const text = await answer(await replay(page, create, {}, body));
    expect(text, who).toContain('"ok":false');
    expect(text, who).toMatch(refusal);
  }
  // Each community's admin sees only what was made through the page.
  expect(await electionTitles(wen, NORTH)).toEqual([title]);
  expect(await electionTitles(mei, SOUTH)).toEqual([]);
  for (const [, , , tag] of attempts) {
    for (const [admin, c] of [[wen, NORTH], [mei, SOUTH]] as const) {
      expect((await admin.request.get(electionHref(c.slug, `${slug}-${tag}`))).status(), `${tag} in ${c.slug}`).toBe(404);
    }
  }

  // Wen appoints herself the election's official through the page; the call is captured.
  await wen.goto(communityHref(NORTH.slug, "/admin"));
  const appointForm = wen.getByRole("form", { name: "Appoint an official" });
  await appointForm.getByLabel("Election", { exact: true }).selectOption({ label: `${title} (${slug})` });
  await appointForm.getByLabel("GitHub login or email", { exact: true }).fill(WEN.login);
  const appoint = await captureAction(wen, () => appointForm.getByRole("button", { name: "Appoint official" }).click());
  await expect(appointForm.getByText("is now an official")).toBeVisible();
  expect(appoint.body).toContain(WEN.login);

  // Others try to appoint themselves: South's admin, a voter, anonymous.
  for (const [who, page, login] of [
    ["South's admin", mei, MEI.login],
    ["a voter", vera, "vera@example.org"],
    ["anonymous", anonymous, "vera@example.org"],
  ] as const) {
    const text = await answer(await replay(page, appoint, {}, appoint.body.replaceAll(WEN.login, login)));
    expect(text, who).toContain('"ok":false');
    expect(text, who).toMatch(/Only an admin of this election's community can do this|Sign in first/);
  }
  await wen.goto(communityHref(NORTH.slug, "/admin"));
  const row = wen.getByRole("row").filter({ hasText: title });
  await expect(row.getByRole("form", { name: /^Remove .* as an official of / })).toHaveCount(1);
  await expect(row.getByRole("form", { name: `Remove ${WEN.name} as an official of ${title}` })).toHaveCount(1);
  // Nor can the others open the draft they tried to join.
  for (const page of [mei, vera, anonymous]) expect((await page.request.get(electionHref(NORTH.slug, slug, "/manage"))).status()).toBe(404);

  // The instance admin's own actions, replayed by a community admin: no community is created, nobody is appointed.
  const third = uniqueCommunity("third");
  await ada.goto("/admin");
  const createCommunity = ada.getByRole("form", { name: "Create a community" });
  await createCommunity.getByLabel("Name", { exact: true }).fill(third.name);
  await createCommunity.getByLabel("Address", { exact: true }).fill(third.slug);
  const made = await captureAction(ada, () => createCommunity.getByRole("button", { name: "Create community" }).click());
  await expect(createCommunity.getByText(`Created ${communityHref(third.slug)}.`)).toBeVisible();
  const wenCommunity = await answer(await replay(wen, made, {}, made.body.replaceAll(third.slug, `${third.slug}-wen`).replaceAll(third.name, `${third.name} wen`)));
  expect(wenCommunity).toContain('"ok":false');
  expect(wenCommunity).toContain("Only an administrator of this instance can do this");

  await ada.reload();
  const appointAdmin = ada.getByRole("form", { name: "Appoint a community admin" });
  await appointAdmin.getByLabel("Community", { exact: true }).selectOption({ label: `${third.name} (${third.slug})` });
  await appointAdmin.getByLabel("GitHub login or email", { exact: true }).fill(MEI.login);
  const named = await captureAction(ada, () => appointAdmin.getByRole("button", { name: "Appoint admin" }).click());
  await expect(appointAdmin.getByText(`${MEI.name} (`, { exact: false }).filter({ hasText: `) is now an admin of ${third.name}.` })).toBeVisible();
  // Wen tries to make herself an admin of the new community, then of South, with Ada's call.
  const thirdId = await communityId(ada, third);
  expect(named.body).toContain(thirdId);
  const wenThird = await answer(await replay(wen, named, {}, named.body.replaceAll(MEI.login, WEN.login)));
  expect(wenThird).toContain('"ok":false');
  expect(wenThird).toContain("Only an administrator of this instance can do this");
  const wenSouth = await answer(await replay(wen, named, {}, named.body.replaceAll(MEI.login, WEN.login).replaceAll(thirdId, southId)));
  expect(wenSouth).toContain('"ok":false');
  expect(wenSouth).toContain("Only an administrator of this instance can do this");

  await ada.goto("/admin");
  await expect(ada.getByRole("link", { name: `${third.name} wen`, exact: true })).toHaveCount(0);
  const rowOf = (c: CommunityRef) => ada.getByRole("row").filter({ has: ada.getByRole("link", { name: c.name, exact: true }) });
  const southRow = rowOf(SOUTH);
  await expect(southRow.getByRole("form", { name: /^Remove .* as an admin of / })).toHaveCount(1);
  await expect(southRow.getByRole("form", { name: `Remove ${MEI.name} as an admin of ${SOUTH.name}` })).toHaveCount(1);
  await expect(rowOf(third).getByRole("form", { name: /^Remove .* as an admin of / })).toHaveCount(1);
  await expect(rowOf(third).getByRole("form", { name: `Remove ${MEI.name} as an admin of ${third.name}` })).toHaveCount(1);
  await wen.goto(communityHref(SOUTH.slug, "/admin"));
  await expect(wen.getByTestId("forbidden")).toBeVisible();
});

test("the instance admin's page and a community's admin page have no serious accessibility violations", async ({ browser }) => {
  const ada = await pageOf(browser, "ada-admin");
  await ada.goto("/admin");
  await expect(ada.getByRole("form", { name: "Create a community" })).toBeVisible();
  await expectNoSeriousA11yViolations(ada);
  await ada.screenshot({ path: "e2e/screenshots/admin-instance.png", fullPage: true });

  const wen = await pageOf(browser, "wenli");
  await wen.goto(communityHref(NORTH.slug, "/admin"));
  await expect(wen.getByRole("form", { name: "Create an election" })).toBeVisible();
  await expectNoSeriousA11yViolations(wen);
  await wen.screenshot({ path: "e2e/screenshots/admin-community.png", fullPage: true });
});
