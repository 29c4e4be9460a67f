// Revocable sessions over HTTP (issue 6, item 9): a person signs out on every
// device at once, and an official their community's admin removes loses the dashboard at the
// next request, with the session they already had.
import { expect, test } from "@playwright/test";
import { communityHref, DEMO, demoHref, ensureCommunity } from "./helpers/communities";
import { signInWithOidc } from "./helpers/sign-in";

test("sign out everywhere ends the session in another browser too", async ({ browser }) => {
  // Three sign-ins through the identity provider: slow on a loaded machine.
  test.setTimeout(180_000);
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await signInWithOidc(laptop, "cory-candidate");
  await signInWithOidc(phone, "cory-candidate");

  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByRole("link", { name: "Sign in" })).toBeVisible();

  // The phone's cookie is still there, and still decrypts, but names a session that has ended.
  expect((await phone.context().cookies()).some((c) => c.name === "next-auth.session-token")).toBe(true);
  await phone.reload();
  await expect(phone.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(phone.getByTestId("signed-in-as")).toHaveCount(0);

  // A new sign-in works (a fresh browser: the others still hold the identity provider's own session),
  // and leaves the other devices signed out.
  const again = await (await browser.newContext()).newPage();
  await signInWithOidc(again, "cory-candidate");
  await laptop.reload();
  await expect(laptop.getByTestId("signed-in-as")).toHaveCount(0);
  for (const p of [laptop, phone, again]) await p.context().close();
});

test("an official the community's admin removes loses the dashboard at once", async ({ browser }) => {
  test.setTimeout(180_000);
  const TITLE = DEMO.lighthouse.title;
  const olu = await (await browser.newContext()).newPage();
  const ada = await (await browser.newContext()).newPage();
  await signInWithOidc(olu, "olu-official", demoHref("lighthouse", "/manage"));
  await expect(olu.getByRole("heading", { level: 1 })).toHaveText(`Official dashboard: ${TITLE}`);

  await signInWithOidc(ada, "ada-admin", "/admin");
  // Whoever the seed made Lighthouse's admin, the instance admin can name herself one.
  await ensureCommunity(ada, { slug: DEMO.lighthouse.community, name: DEMO.lighthouse.communityName }, [{ name: "Ada Admin", login: "ada@example.org" }]);
  await ada.goto(communityHref(DEMO.lighthouse.community, "/admin"));
  ada.on("dialog", (d) => void d.accept());
  const remove = ada.getByRole("form", { name: `Remove Olu Official as an official of ${TITLE}` });
  await remove.getByRole("button", { name: "Remove" }).click();
  // The page reloads its list: the official's row (and its form) is gone.
  await expect(remove).toHaveCount(0);

  // Same browser, same session cookie as a moment ago.
  await olu.reload();
  await expect(olu.getByTestId("forbidden")).toContainText(`only the officials of ${TITLE} can manage it`);
  await expect(olu.getByTestId("signed-in-as")).toContainText("Olu Official");
  await olu.context().close();
  await ada.context().close();
});
