// The data kept beside the repository in ../shared (the Kata election archive,
// the published tally vectors). A developer's checkout may lack it, so its tests
// skip there with a warning; in CI (CI set) a missing folder fails the run, so a
// vanished data folder can never quietly turn a hundred tests into a handful.
import { existsSync } from "node:fs";

export function sharedDataPresent(file: string, what: string): boolean {
  if (existsSync(file)) return true;
  const message = `${what} not found at ${file}`;
  if (process.env.CI) throw new Error(`${message}: CI runs with ../shared in place, so this is a failure, not a skip`);
  console.warn(`${message}: skipping its tests (they fail in CI)`);
  return false;
}
