// Pure edits of a ranking (tiers best first; a tier of several is a tie).
// Every edit returns a new array with no empty tiers, so the ballot state is
// always a valid `string[][]` for castBallot.

export type Tiers = string[][];

export function tierOf(tiers: Tiers, id: string): number {
  return tiers.findIndex((t) => t.includes(id));
}

function clean(tiers: Tiers): Tiers {
  return tiers.filter((t) => t.length > 0);
}

/** The ranking without `id`, keeping empty tiers in place so indexes stay valid. */
function without(tiers: Tiers, id: string): Tiers {
  return tiers.map((t) => t.filter((c) => c !== id));
}

export function unrank(tiers: Tiers, id: string): Tiers {
  return clean(without(tiers, id));
}

/** Puts `id` alone in a new tier inserted before tier `index` (index = tiers.length appends). */
export function insertNewTier(tiers: Tiers, id: string, index: number): Tiers {
  const next = without(tiers, id);
  next.splice(Math.max(0, Math.min(index, next.length)), 0, [id]);
  return clean(next);
}

/** Ties `id` with the candidates of tier `index`. */
export function joinTier(tiers: Tiers, id: string, index: number): Tiers {
  const next = without(tiers, id);
  if (!next[index]) return clean(next);
  next[index] = [...next[index], id];
  return clean(next);
}

/** One step better: out of a tie to just above it, or past the tier above. */
export function moveUp(tiers: Tiers, id: string): Tiers {
  const i = tierOf(tiers, id);
  if (i < 0) return tiers;
  if (tiers[i].length > 1) return insertNewTier(tiers, id, i);
  if (i === 0) return tiers;
  const next = [...tiers];
  [next[i - 1], next[i]] = [next[i], next[i - 1]];
  return next;
}

/** One step worse: out of a tie to just below it, or past the tier below. */
export function moveDown(tiers: Tiers, id: string): Tiers {
  const i = tierOf(tiers, id);
  if (i < 0) return tiers;
  if (tiers[i].length > 1) return insertNewTier(tiers, id, i + 1);
  if (i === tiers.length - 1) return tiers;
  const next = [...tiers];
  [next[i + 1], next[i]] = [next[i], next[i + 1]];
  return next;
}
