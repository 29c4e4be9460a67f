import { z } from "zod";
import { InvalidInputError } from "@/lib/errors";

/** Tiers best first; ties share a tier. An empty ranking is an abstention, which is a valid ballot. */
export const RankingInput = z
  .array(z.array(z.string().min(1).max(100), { error: "each tier is a list of candidate ids" }).min(1, "a tier cannot be empty").max(500), {
    error: "the ranking is a list of tiers",
  })
  .max(500);

/**
 * Refuses unknown ids (anything but the accepted candidates) and repeats, so a
 * stored ballot always counts exactly as the voter saw it. Returns the ranking
 * with ids sorted inside each tier: the order within a tie carries no meaning
 * and must not become a fingerprint.
 */
export function checkRanking(ranking: string[][], accepted: ReadonlySet<string>): string[][] {
  const seen = new Set<string>();
  for (const tier of ranking) {
    for (const id of tier) {
      if (!accepted.has(id)) throw new InvalidInputError(`The ballot names someone who is not a candidate (${id.slice(0, 40)}).`);
      if (seen.has(id)) throw new InvalidInputError("The ballot ranks a candidate more than once.");
      seen.add(id);
    }
  }
  return ranking.map((tier) => [...tier].sort());
}
