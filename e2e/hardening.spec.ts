// Attacks over real HTTP on the production server (`npm start`): a client
// choosing its own address to escape the receipt throttle, oversized and deeply
// nested action bodies, inline script under the CSP, and a hidden draft's title
// in page metadata. Runs after election-cycle (file order), whose receipt checks would find 127.0.0.1's
// allowance spent, and before pages-visibility, which closes the Harbor election these tests vote in.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { createElection, DEMO, demoHref, electionHref, ensureCommunity, uniqueCommunity } from "./helpers/communities";
import { answer, APP_URL, capture, isAction, replay, type CapturedAction } from "./helpers/server-actions";
import { signInWithOidc } from "./helpers/sign-in";

const THROTTLED = "Too many attempts";

/** Vera casts a ballot in Harbor and asks to see it, through the page; the two action calls are captured. */
async function veraCastsAndChecks(page: Page): Promise<{ cast: CapturedAction; view: CapturedAction }> {
  await signInWithOidc(page, "vera-voter", demoHref("harbor", "/vote"));
  await page.goto(demoHref("harbor", "/vote"));
  await page.getByRole("button", { name: /^Add as rank 1/ }).first().click();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  const castRequest = page.waitForRequest(isAction);
  await page.getByRole("button", { name: "Submit my ballot" }).click();
  const cast = capture(await castRequest);
  await expect(page.getByTestId("receipt-code")).toBeVisible();

  await page.getByLabel("Receipt code", { exact: true }).fill("NOT-A-REAL-RECEIPT-CODE");
  const viewRequest = page.waitForRequest(isAction);
  await page.getByRole("button", { name: "Check my ballot" }).click();
  const view = capture(await viewRequest);
  const check = page.locator("section", { has: page.getByRole("heading", { name: "Check or replace my ballot" }) });
  await expect(check.getByRole("alert")).toBeVisible();
  return { cast, view };
}

/** Plain Node HTTP: a body sent in chunks, without Content-Length, as a script can. */
function postChunked(url: string, headers: Record<string, string>, chunk: Buffer, count: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close before the whole body is sent; that is the point.
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? undefined : reject(e)));
    let sent = 0;
    const write = () => {
      while (sent < count) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

test.describe.configure({ mode: "serial" });

let actions: { cast: CapturedAction; view: CapturedAction };
let vera: Page;

test.beforeAll(async ({ browser }) => {
  vera = await (await browser.newContext()).newPage();
  actions = await veraCastsAndChecks(vera);
});

test("a client cannot pick its own address to escape the receipt throttle (X-Forwarded-For rotated)", async () => {
  test.setTimeout(120_000);
  const throttled: number[] = [];
  for (let i = 0; i < 70; i++) {
    const text = await answer(await replay(vera, actions.view, { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` }));
    if (text.includes(THROTTLED)) throttled.push(i);
  }
  // 60 look-ups per minute per address (the browser's own check spent one):
  // once throttled, every later attempt is too, whatever address it claims.
  expect(throttled.length).toBeGreaterThanOrEqual(10);
  expect(throttled).toEqual(Array.from({ length: throttled.length }, (_, k) => 70 - throttled.length + k));
  // A forged copy of the server's own header does not help either.
  expect(await answer(await replay(vera, actions.view, { "x-hustings-client-address": "192.0.2.77" }))).toContain(THROTTLED);
});

test("casting is throttled per voter through the real action, whatever address is claimed", async () => {
  const answers: string[] = [];
  for (let i = 0; i < 25; i++) answers.push(await answer(await replay(vera, actions.cast, { "x-forwarded-for": `198.51.100.${i + 1}` })));
  // 20 per minute per voter; the page's cast spent one.
  expect(answers.slice(0, 5).some((t) => t.includes(THROTTLED))).toBe(false);
  expect(answers.slice(-5).every((t) => t.includes(THROTTLED))).toBe(true);
});

test("an oversized action body gets 413, on every page but the upload pages", async () => {
  const twoMb = "x".repeat(2 * 1024 * 1024);
  const big = await replay(vera, actions.view, {}, JSON.stringify([twoMb]));
  expect(big.status()).toBe(413);
  expect(await big.text()).toContain("too large");

  // The upload pages take more: 2 MB passes the size check there (whatever the action then says)…
  const upload = await vera.request.post("/admin/import", { headers: actions.view.headers, data: JSON.stringify([twoMb]), failOnStatusCode: false });
  expect(upload.status()).not.toBe(413);
  expect(upload.status()).toBeLessThan(500);
  // …but not 7 MB.
  const huge = await vera.request.post("/admin/import", { headers: actions.view.headers, data: "x".repeat(7 * 1024 * 1024), failOnStatusCode: false });
  expect(huge.status()).toBe(413);

  // An upload page's address from before communities is no upload page: its redirect never takes a large body.
  const oldManage = await vera.request.post(`/elections/${DEMO.harbor.slug}/manage`, { headers: actions.view.headers, data: JSON.stringify([twoMb]), failOnStatusCode: false });
  expect(oldManage.status()).toBe(413);

  // Without Content-Length, the body is counted as it arrives.
  const chunked = await postChunked(`${APP_URL}${demoHref("harbor", "/vote")}`, actions.view.headers, Buffer.alloc(64 * 1024, 0x61), 40);
  expect(chunked.status).toBe(413);
});

test("a deeply nested action argument gets 400, not a server error", async () => {
  const depth = 100_000;
  const nested = await replay(vera, actions.view, {}, `[${"[".repeat(depth)}${"]".repeat(depth)}]`);
  expect(nested.status()).toBe(400);
  expect(await nested.text()).toContain("nested too deeply");
  // The server is still up.
  expect((await vera.request.get(demoHref("harbor"))).status()).toBe(200);
});

test("pages carry a per-request CSP nonce on every script, with no 'unsafe-inline' script", async ({ page }) => {
  const cspViolations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  const nonces = new Set<string>();
  for (const path of ["/", demoHref("harbor"), demoHref("harbor", "/results"), "/signin", "/no-such-page", electionHref("harbor", "no-such-election")]) {
    const r = await page.request.get(path, { failOnStatusCode: false });
    const csp = r.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc, `${path}: ${csp}`).toMatch(/'nonce-[A-Za-z0-9+/=_-]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    nonces.add(nonce);

    const html = await r.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(6);

  // The pages still run their scripts: the ballot page hydrates and answers clicks.
  await page.goto("/");
  await page.goto(demoHref("harbor"));
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  expect(cspViolations).toEqual([]);
});

test("a hidden draft's title is in no page's metadata, even once cancelled before it opened", async ({ browser }) => {
  const slug = `e2e-hidden-${Date.now().toString(36)}`;
  const title = `Secret Draft Council ${slug.slice(-6)}`;
  const community = uniqueCommunity("hidden");
  const ada = await (await browser.newContext()).newPage();
  ada.on("dialog", (d) => void d.accept());
  await signInWithOidc(ada, "ada-admin", "/admin");
  // The instance admin names herself the community's admin, and creates the draft there.
  await ensureCommunity(ada, community, [{ name: "Ada Admin", login: "ada@example.org" }]);
  await createElection(ada, community.slug, { title, slug, seats: 1 });

  const pages = ["", "/vote", "/results", "/declare", "/manage", "/exception", "/candidates/00000000-0000-0000-0000-000000000000"];
  const expectHidden = async () => {
    for (const p of pages) {
      // Anonymous, and a signed-in voter who is no official of it.
      for (const request of [(await browser.newContext()).request, vera.request]) {
        const r = await request.get(electionHref(community.slug, slug, p), { failOnStatusCode: false });
        expect(r.status(), p).toBe(404);
        expect(await r.text(), p).not.toContain(title);
        // Nor does its link from before communities say where it is.
        const old = await request.get(`/elections/${slug}${p}`, { failOnStatusCode: false, maxRedirects: 0 });
        expect(old.status(), `old link ${p}`).toBe(404);
        expect(old.headers()["location"], `old link ${p}`).toBeUndefined();
        expect(await old.text(), `old link ${p}`).not.toContain(title);
      }
    }
  };
  await expectHidden();

  await ada.goto(electionHref(community.slug, slug, "/manage/cancel"));
  await ada.getByLabel("Reason (public)", { exact: true }).fill("Created by mistake");
  await ada.getByRole("button", { name: "Cancel election" }).click();
  await expect(ada.getByTestId("manage-state")).toHaveText("State: cancelled");
  await expectHidden();

  // Its community's admin still sees it by name.
  expect(await (await ada.request.get(electionHref(community.slug, slug))).text()).toContain(`<title>${title}`);
});
