// The order a voter's ballot lists the candidates in (issue 8): shuffled per
// voter, so no candidate gains from being listed first, and stable for that
// voter, so the list does not move between visits. It is computed, never
// stored: the ballot keeps candidate ids only, so nothing in the database or in
// a ballot shows the order a voter saw (which would hint at who they are).
//
// The shuffle is seeded by an HMAC of (election, user) under a key derived
// from the receipt secret with its own label: without the server's secret
// nobody can predict another voter's order, and the receipt key itself is
// never used for anything but receipts.
import { createHash, createHmac } from "node:crypto";

const KEY_LABEL = "hustings/ballot-candidate-order/v1";

/** The key for candidate orders, derived from the server's receipt secret. */
export function candidateOrderKey(secret: string): Buffer {
  if (secret.length < 16) throw new Error("the receipt secret is missing or too short to derive the candidate-order key from");
  return createHmac("sha256", secret).update(KEY_LABEL).digest();
}

/** A deterministic stream of unbiased integers from a 32-byte seed (SHA-256 in counter mode). */
function integers(seed: Buffer): (bound: number) => number {
  let block = Buffer.alloc(0);
  let offset = 0;
  let counter = 0;
  const next32 = () => {
    if (offset + 4 > block.length) {
      block = createHash("sha256").update(seed).update(String(counter++)).digest();
      offset = 0;
    }
    const v = block.readUInt32BE(offset);
    offset += 4;
    return v;
  };
  return (bound) => {
    // Rejection sampling: the top of the 32-bit range that does not divide evenly would favour small values.
    const limit = Math.floor(0x1_0000_0000 / bound) * bound;
    for (;;) {
      const v = next32();
      if (v < limit) return v % bound;
    }
  };
}

/**
 * The candidates in this voter's order: a Fisher–Yates shuffle of the list
 * sorted by id (so the database's order does not matter), seeded by the
 * voter and the election. Returns a new array; the input is left alone.
 */
export function candidateOrder<T extends { id: string }>(candidates: readonly T[], who: { electionId: string; userId: string }, key: Buffer): T[] {
  const seed = createHmac("sha256", key).update(`${who.electionId}\u0000${who.userId}`).digest();
  const below = integers(seed);
  const items = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = items.length - 1; i > 0; i--) {
    const j = below(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
