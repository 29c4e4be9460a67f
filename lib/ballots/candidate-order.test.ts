import { describe, expect, it } from "vitest";
import { candidateOrder, candidateOrderKey } from "./candidate-order";

const SECRET = "unit-test-receipt-secret-0123456789abcdef";
const KEY = candidateOrderKey(SECRET);
const CANDIDATES = ["cand-a", "cand-b", "cand-c", "cand-d", "cand-e"].map((id) => ({ id, name: id.toUpperCase() }));
const voter = (n: number) => ({ electionId: "election-1", userId: `user-${n}` });

describe("candidateOrder", () => {
  it("is a permutation of the candidates it is given", () => {
    for (let n = 0; n < 50; n++) {
      const order = candidateOrder(CANDIDATES, voter(n), KEY);
      expect(order).toHaveLength(CANDIDATES.length);
      expect([...order].sort((x, y) => x.id.localeCompare(y.id))).toEqual(CANDIDATES);
    }
  });

  it("is the same for one voter every time, whatever order the database returned", () => {
    const once = candidateOrder(CANDIDATES, voter(7), KEY).map((c) => c.id);
    expect(candidateOrder(CANDIDATES, voter(7), KEY).map((c) => c.id)).toEqual(once);
    expect(candidateOrder([...CANDIDATES].reverse(), voter(7), KEY).map((c) => c.id)).toEqual(once);
  });

  it("differs across voters: over 200 voters each candidate comes first about equally often", () => {
    const first = new Map<string, number>();
    const orders = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const order = candidateOrder(CANDIDATES, voter(n), KEY);
      first.set(order[0].id, (first.get(order[0].id) ?? 0) + 1);
      orders.add(order.map((c) => c.id).join());
    }
    // 40 expected each; a fair shuffle stays well inside 20..60 (deterministic seeds, so this never flakes).
    for (const c of CANDIDATES) expect(first.get(c.id) ?? 0, c.id).toBeGreaterThanOrEqual(20);
    for (const c of CANDIDATES) expect(first.get(c.id) ?? 0, c.id).toBeLessThanOrEqual(60);
    expect(orders.size).toBeGreaterThan(80);
  });

  it("differs across elections for the same voter, and under another server secret", () => {
    const same = (a: string[], b: string[]) => a.join() === b.join();
    let elections = 0;
    let secrets = 0;
    const otherKey = candidateOrderKey("another-receipt-secret-0123456789abcdef");
    for (let n = 0; n < 50; n++) {
      const mine = candidateOrder(CANDIDATES, voter(n), KEY).map((c) => c.id);
      if (!same(mine, candidateOrder(CANDIDATES, { ...voter(n), electionId: "election-2" }, KEY).map((c) => c.id))) elections++;
      if (!same(mine, candidateOrder(CANDIDATES, voter(n), otherKey).map((c) => c.id))) secrets++;
    }
    expect(elections).toBeGreaterThan(40);
    expect(secrets).toBeGreaterThan(40);
  });

  it("uses a key derived for this purpose, never the raw secret", () => {
    expect(KEY.equals(Buffer.from(SECRET))).toBe(false);
    expect(candidateOrderKey(SECRET).equals(KEY)).toBe(true);
    expect(() => candidateOrderKey("short")).toThrow(/secret/);
  });

  it("leaves the input alone and copes with no or one candidate", () => {
    const input = [...CANDIDATES];
    candidateOrder(input, voter(1), KEY);
    expect(input).toEqual(CANDIDATES);
    expect(candidateOrder([], voter(1), KEY)).toEqual([]);
    expect(candidateOrder([CANDIDATES[0]], voter(1), KEY)).toEqual([CANDIDATES[0]]);
  });
});
