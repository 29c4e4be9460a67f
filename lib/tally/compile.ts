import { BallotSetBuilder } from "./ballot-set";
import {
  METHODS,
  STRENGTHS,
  TallyInputError,
  UNRANKED_RULES,
  type CompiledElection,
  type ElectionInput,
} from "./types";

/**
 * Checks an election as written (JSON or built by the app) and turns it into the
 * dense form the methods count. Every problem is a TallyInputError naming the
 * ballot and what is wrong; nothing is guessed.
 */
export function compileElection(input: ElectionInput): CompiledElection {
  const method = input.method ?? "schulze";
  if (!METHODS.includes(method)) throw new TallyInputError(`unknown method "${method}" (use ${METHODS.join(", ")})`);
  const unranked = input.unranked ?? "exclude";
  if (!UNRANKED_RULES.includes(unranked)) throw new TallyInputError(`unknown unranked rule "${unranked}" (use exclude or last)`);
  const strength = input.strength ?? "winning";
  if (!STRENGTHS.includes(strength)) throw new TallyInputError(`unknown strength "${strength}" (use winning or margins)`);
  const candidates = input.candidates ?? [];
  if (candidates.length === 0) throw new TallyInputError("the election has no candidates");
  const index = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (typeof c.id !== "string" || c.id === "") throw new TallyInputError(`candidate ${i + 1} has no id`);
    if (index.has(c.id)) throw new TallyInputError(`candidate id "${c.id}" appears twice`);
    index.set(c.id, i);
  });
  const seats = input.seats;
  if (!Number.isInteger(seats) || seats < 1) throw new TallyInputError(`seats must be a whole number of at least 1, got ${seats}`);
  if (seats > candidates.length)
    throw new TallyInputError(`seats (${seats}) is more than the number of candidates (${candidates.length})`);
  const cap = input.maxPerAffiliation ?? null;
  if (cap !== null && (!Number.isInteger(cap) || cap < 1))
    throw new TallyInputError(`maxPerAffiliation must be a whole number of at least 1, got ${cap}`);

  const n = candidates.length;
  const builder = new BallotSetBuilder(n, input.ballots.length);
  const rank = new Int32Array(n);
  input.ballots.forEach((b, bi) => {
    const where = `ballot ${bi + 1}`;
    if (!Array.isArray(b.ranking)) throw new TallyInputError(`${where}: "ranking" must be an array of tiers`);
    const count = b.count ?? 1;
    if (typeof count !== "number" || !Number.isFinite(count) || count <= 0)
      throw new TallyInputError(`${where}: count must be a positive number, got ${JSON.stringify(b.count)}`);
    rank.fill(0);
    b.ranking.forEach((tier, ti) => {
      if (!Array.isArray(tier)) throw new TallyInputError(`${where}: tier ${ti + 1} must be an array of candidate ids`);
      for (const id of tier) {
        const c = index.get(id);
        if (c === undefined) throw new TallyInputError(`${where}: unknown candidate "${id}"`);
        if (rank[c] !== 0) throw new TallyInputError(`${where}: candidate "${id}" appears more than once`);
        rank[c] = ti + 1;
      }
    });
    builder.add(rank, count);
  });

  return {
    title: input.title ?? "",
    seats,
    method,
    unranked,
    strength,
    maxPerAffiliation: cap,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name ?? c.id, affiliation: c.affiliation ?? null })),
    continuingMembers: input.continuingMembers ?? [],
    ballots: builder.build(),
  };
}
