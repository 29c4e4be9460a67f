import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { closeRateLimitStore, consume, limitSignIn } from ".";

afterAll(closeRateLimitStore);

describe("rate limits", () => {
  it("refuses the attempt after the allowance, per key", async () => {
    const key = `ip-${randomUUID()}`;
    for (let i = 0; i < 30; i++) await limitSignIn(key);
    await expect(limitSignIn(key)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(limitSignIn(key)).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/try again in \d+ seconds?/) });
    // Another client is unaffected.
    await expect(limitSignIn(`ip-${randomUUID()}`)).resolves.toBeUndefined();
  });

  it("keeps its counters in PostgreSQL, shared by every instance", async () => {
    const key = `voter-${randomUUID()}`;
    for (let i = 0; i < 20; i++) await consume("ballot", key);
    // A fresh pool and limiters, as in another app instance: the count survives.
    await closeRateLimitStore();
    await expect(consume("ballot", key)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("counts each limiter separately", async () => {
    const key = `shared-${randomUUID()}`;
    for (let i = 0; i < 20; i++) await consume("ballot", key);
    await expect(consume("receipt", key)).resolves.toBeUndefined();
  });
});
