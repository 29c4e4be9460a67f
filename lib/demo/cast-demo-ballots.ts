// The demo's ballots (lib/demo/seed-demo.ts), stored the way casting stores them.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";

/**
 * Records that `voters` voted and stores as many ballots, the way casting
 * does: the roll and the ballot store share nothing, ballots get random ids
 * and go in shuffled, and only an HMAC of each receipt code is kept (the codes
 * themselves are thrown away — nobody needs to check a demo ballot).
 * The rankings come from a seeded generator so the demo result is the same on
 * every machine; the secrecy-relevant parts stay random.
 */
export async function castDemoBallots(
  tx: Tx,
  receiptSecret: string,
  electionId: string,
  voters: Actor[],
  candidateIds: Map<string, string>,
  seed: number,
  opts: { abstentions?: number } = {},
) {
  // Each voter's roll entry (seeded by GitHub login): participations are keyed on it.
  const entries = await tx.electorateEntry.findMany({ where: { electionId }, select: { id: true, githubLogin: true } });
  const entryOf = (voter: Actor) => {
    const entry = entries.find((e) => e.githubLogin === voter.githubLogin);
    if (!entry) throw new Error(`demo seed: ${voter.githubLogin} is not on the roll of ${electionId}`);
    return entry.id;
  };
  await tx.participation.createMany({ data: voters.map((v) => ({ electionId, entryId: entryOf(v), userId: v.id })) });
  const rnd = mulberry32(seed);
  // Community sentiment, best first, that each generated ballot wobbles around.
  const appeal = [...candidateIds.keys()].map((key, i) => ({ key, base: 1 - i * 0.12 }));
  const rankings: string[][][] = voters.map((_, n) => {
    if (n < (opts.abstentions ?? 0)) return [];
    const scored = appeal.map((c) => ({ id: candidateIds.get(c.key) ?? "", score: c.base + (rnd() - 0.5) * 0.6 })).sort((a, b) => b.score - a.score);
    // Many voters rank only the people they know; some leave a tie.
    const ranked = scored.slice(0, 3 + Math.floor(rnd() * (scored.length - 2)));
    const tiers: string[][] = [];
    for (const c of ranked) {
      const last = tiers.at(-1);
      if (last && rnd() < 0.12) last.push(c.id);
      else tiers.push([c.id]);
    }
    return tiers;
  });
  await tx.ballot.createMany({
    data: shuffle(rankings).map((ranking) => ({
      id: randomUUID(),
      electionId,
      ranking,
      receiptHash: createHmac("sha256", receiptSecret).update(randomBytes(20).toString("base64url")).digest("hex"),
    })),
  });
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32BE() % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// A tiny seeded PRNG: reproducible demo rankings without a dependency.
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
