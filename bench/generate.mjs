// Deterministic synthetic elections for the benchmarks: same seed, same bytes.

/** mulberry32: tiny, fast, and good enough to shuffle ballots reproducibly. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An Elekto ballots CSV: candidates with a latent popularity, voters who rank a
 * noisy order of them, stop after a random number (truncation, about a third
 * rank everyone), and tie neighbours now and then. Nearly every ballot is
 * distinct, which is the worst case for the identical-ballot fold.
 */
export function electionCsv({ ballots = 100_000, candidates = 20, seed = 2025 } = {}) {
  const rnd = prng(seed);
  const ids = Array.from({ length: candidates }, (_, i) => `cand${String(i + 1).padStart(2, "0")}`);
  const popularity = ids.map(() => rnd() * 3);
  const rows = [ids.join(",")];
  const score = new Float64Array(candidates);
  const order = Array.from({ length: candidates }, (_, i) => i);
  const cells = new Array(candidates);
  for (let b = 0; b < ballots; b++) {
    for (let c = 0; c < candidates; c++) score[c] = popularity[c] + rnd() * 4;
    order.sort((x, y) => score[y] - score[x]);
    const ranked = rnd() < 0.35 ? candidates : 1 + Math.floor(rnd() * candidates);
    cells.fill("No opinion");
    let rank = 0;
    for (let k = 0; k < ranked; k++) {
      if (k === 0 || rnd() >= 0.12) rank++;
      cells[order[k]] = String(rank);
    }
    rows.push(cells.join(","));
  }
  return rows.join("\n") + "\n";
}
