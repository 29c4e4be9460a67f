/** Voter i of a worker election ranks the candidates in an order derived from i, so a test knows every voter's ballot. */
export function rankingFor(index: number, candidates: string[]): string[][] {
  const order = [...candidates];
  for (let k = 0; k < order.length; k++) {
    const j = (index + k * 3) % order.length;
    [order[k], order[j]] = [order[j], order[k]];
  }
  return order.slice(0, 1 + (index % order.length)).map((id) => [id]);
}
