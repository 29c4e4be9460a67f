// Addresses and the role chain, as the specs walk them: the instance admin
// creates a community and names its admins on /admin; a community admin creates
// elections and appoints officials on /c/<community>/admin. Addresses come from
// the app's own builders, so a route change is one edit there.
import { expect, type Page } from "@playwright/test";
import { communityHref, electionHref } from "../../app/_lib/paths";

export { communityHref, electionHref };

/** The demo seed's elections and their communities (lib/demo/seed-demo.ts DEMO_SLUGS, DEMO_COMMUNITIES). */
export const DEMO = {
  lighthouse: { community: "lighthouse", communityName: "Lighthouse", slug: "lighthouse-tsc-2026", title: "Lighthouse Technical Steering Committee 2026" },
  harbor: { community: "harbor", communityName: "Harbor Project", slug: "harbor-ac-spring-2026", title: "Harbor Project Architecture Committee — Spring 2026" },
  beacon: { community: "beacon", communityName: "Beacon Foundation", slug: "beacon-board-2025", title: "Beacon Foundation Board 2025" },
} as const;

export type DemoElection = keyof typeof DEMO;

/** A demo election's address, `rest` after it ("/manage", "/results", …). */
export function demoHref(key: DemoElection, rest = ""): string {
  return electionHref(DEMO[key].community, DEMO[key].slug, rest);
}

export interface CommunityRef {
  slug: string;
  name: string;
}

/** A community name and address no other run (or retry) has used. */
export function uniqueCommunity(prefix: string): CommunityRef {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  return { slug: `${prefix}-${tag}`, name: `E2E ${prefix} ${tag}` };
}

/** The Communities table's row of a community on /admin. */
function communityRow(page: Page, c: CommunityRef) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: c.name, exact: true }) });
}

/**
 * The instance admin (signed in on `page`) makes sure the community exists and
 * that each person is one of its admins: creates and appoints only what is
 * missing, so a retried test or a demo community works the same. `admins` are
 * the people as the table shows them (name) with the login to appoint them by;
 * each must have signed in once.
 */
export async function ensureCommunity(page: Page, c: CommunityRef, admins: { name: string; login: string }[] = []): Promise<void> {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Instance administration" })).toBeVisible();
  if ((await communityRow(page, c).count()) === 0) {
    const create = page.getByRole("form", { name: "Create a community" });
    await create.getByLabel("Name", { exact: true }).fill(c.name);
    await create.getByLabel("Address", { exact: true }).fill(c.slug);
    await create.getByRole("button", { name: "Create community" }).click();
    await expect(create.getByText(`Created ${communityHref(c.slug)}.`)).toBeVisible();
    await page.reload();
  }
  for (const admin of admins) {
    if ((await communityRow(page, c).getByRole("form", { name: `Remove ${admin.name} as an admin of ${c.name}` }).count()) > 0) continue;
    const appoint = page.getByRole("form", { name: "Appoint a community admin" });
    await appoint.getByLabel("Community", { exact: true }).selectOption({ label: `${c.name} (${c.slug})` });
    await appoint.getByLabel("GitHub login or email", { exact: true }).fill(admin.login);
    await appoint.getByRole("button", { name: "Appoint admin" }).click();
    await expect(appoint.getByText(`${admin.name} (`, { exact: false }).filter({ hasText: `) is now an admin of ${c.name}.` })).toBeVisible();
    await page.reload();
    await expect(communityRow(page, c).getByRole("form", { name: `Remove ${admin.name} as an admin of ${c.name}` })).toHaveCount(1);
  }
}

/** A community admin (signed in on `page`) creates a draft election on the community's admin page. */
export async function createElection(
  page: Page,
  community: string,
  e: { title: string; slug: string; seats?: number; method?: "schulze" | "ranked-pairs" | "irv" | "stv-scottish" | "stv-meek" },
): Promise<void> {
  await page.goto(communityHref(community, "/admin"));
  const create = page.getByRole("form", { name: "Create an election" });
  await create.getByLabel("Title", { exact: true }).fill(e.title);
  await create.getByLabel("Address (optional)", { exact: true }).fill(e.slug);
  if (e.seats !== undefined) await create.getByLabel("Seats", { exact: true }).fill(String(e.seats));
  if (e.method) await create.getByLabel("Counting method", { exact: true }).selectOption(e.method);
  await create.getByRole("button", { name: "Create election" }).click();
  await expect(create.getByText(`Created ${electionHref(community, e.slug)} as a draft.`)).toBeVisible();
}

/** A community admin (signed in on `page`) appoints an official of one of the community's elections. */
export async function appointOfficial(page: Page, community: string, e: { title: string; slug: string }, login: string): Promise<void> {
  await page.goto(communityHref(community, "/admin"));
  const appoint = page.getByRole("form", { name: "Appoint an official" });
  await appoint.getByLabel("Election", { exact: true }).selectOption({ label: `${e.title} (${e.slug})` });
  await appoint.getByLabel("GitHub login or email", { exact: true }).fill(login);
  await appoint.getByRole("button", { name: "Appoint official" }).click();
  await expect(appoint.getByText("is now an official")).toBeVisible();
}
