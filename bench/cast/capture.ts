import { log, PORT } from "./config";
import { run, takeVoter } from "./state";

/**
 * BENCH_CAPTURE=1: casts one ballot through the real UI in Chromium and prints
 * the server-action request the browser sent, to check this bench sends the same.
 */
export async function captureBrowserRequest(pagePath: string, electionId: string): Promise<void> {
  const { chromium } = await import("playwright-core");
  const voter = takeVoter();
  const browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    timeout: 30_000,
  });
  try {
    const context = await browser.newContext({ baseURL: `http://localhost:${PORT}` });
    const [name, ...rest] = voter.cookie.split("=");
    await context.addCookies([{ name, value: rest.join("="), domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const seen = new Promise<{ url: string; headers: Record<string, string>; body: string | null }>((resolve) =>
      page.on("request", (r) => {
        const h = r.headers();
        if (r.method() === "POST" && h["next-action"]) resolve({ url: r.url(), headers: h, body: r.postData() });
      }),
    );
    await page.goto(pagePath);
    for (const label of ["Add as rank 1 (Candidate 1)", "Add as rank 2 (Candidate 2)", "Review my ballot", "Submit my ballot"]) {
      const b = page.getByRole("button", { name: label });
      await b.focus();
      await page.keyboard.press("Enter");
    }
    const req = await seen;
    await page.getByTestId("receipt-code").waitFor();
    const receipt = (await page.getByTestId("receipt-code").textContent())?.trim();
    log(`browser request: POST ${new URL(req.url).pathname}`);
    for (const [k, v] of Object.entries(req.headers)) if (!/^(user-agent|sec-|accept-language|accept-encoding|referer|cookie)/.test(k)) log(`  ${k}: ${v}`);
    log(`  body: ${req.body}`);
    log(`  browser's receipt: ${receipt}`);
    const body = JSON.parse(req.body ?? "null") as unknown;
    const same =
      Array.isArray(body) &&
      body[0] === electionId &&
      Array.isArray(body[1]) &&
      typeof body[2] === "string" &&
      req.headers["next-action"] === run.actionId &&
      req.headers["content-type"] === "text/plain;charset=UTF-8" &&
      req.headers["accept"] === "text/x-component" &&
      req.headers["next-router-state-tree"] === run.routerState;
    log(`  matches what this bench sends: ${same ? "yes" : "NO"}`);
    if (receipt) run.receipts.push({ voter: voter.id, receipt }), run.ballotsSoFar++;
  } finally {
    await browser.close();
  }
}
