import { expect, type Page } from "@playwright/test";
import { utcInput } from "./utc-input";

export interface ScheduleOffsets {
  nomOpen: number;
  nomClose: number;
  voteOpen: number;
  voteClose: number;
}

/** An official fills the schedule form at `scheduleUrl` with times relative to now and saves it. */
export async function saveSchedule(page: Page, scheduleUrl: string, t: ScheduleOffsets): Promise<void> {
  await page.goto(scheduleUrl);
  const form = page.getByRole("form", { name: "Schedule" });
  await form.getByLabel("Nominations open (UTC)", { exact: true }).fill(utcInput(t.nomOpen));
  await form.getByLabel("Nominations close (UTC)", { exact: true }).fill(utcInput(t.nomClose));
  await form.getByLabel("Voting opens (UTC)", { exact: true }).fill(utcInput(t.voteOpen));
  await form.getByLabel("Voting closes (UTC)", { exact: true }).fill(utcInput(t.voteClose));
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByText("Schedule saved.")).toBeVisible();
}
