// Server actions as an attacker sees them: a POST to the page with a
// Next-Action header. A test captures the call a browser makes through the
// page, then replays it (changed at will) as someone else, over plain HTTP.
import { expect, type APIResponse, type Page, type Request } from "@playwright/test";

export const APP_URL = `http://127.0.0.1:${Number(process.env.E2E_APP_PORT ?? 3100)}`;

/** What a browser sends with a server action call, to replay it from the test. */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const isAction = (r: Request) => r.method() === "POST" && !!r.headers()["next-action"];

export function capture(request: Request): CapturedAction {
  const h = request.headers();
  const headers: Record<string, string> = { origin: APP_URL };
  for (const name of ["next-action", "next-router-state-tree", "content-type", "accept"]) if (h[name]) headers[name] = h[name];
  return { url: request.url(), headers, body: request.postData() ?? "" };
}

/** Runs `act` on the page and returns the server action call it made. */
export async function captureAction(page: Page, act: () => Promise<void>): Promise<CapturedAction> {
  const request = page.waitForRequest(isAction);
  await act();
  return capture(await request);
}

/** Sends the captured call with `page`'s cookies (its signed-in person), with extra headers or another body. */
export function replay(page: Page, action: CapturedAction, extra: Record<string, string> = {}, body = action.body): Promise<APIResponse> {
  return page.request.post(action.url, { headers: { ...action.headers, ...extra }, data: body, failOnStatusCode: false });
}

/** The action's answer, as React's wire format carries it: 200 and an `ok` field. */
export async function answer(r: APIResponse): Promise<string> {
  const text = await r.text();
  expect(r.status(), text.slice(0, 200)).toBe(200);
  expect(text).toContain('"ok":');
  return text;
}
