import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBlt, toBlt } from "./formats/blt";
import { parseElektoCsv, toElektoCsv } from "./formats/elekto-csv";
import { parseHustingsJson, toHustingsJson } from "./formats/hustings-json";
import { BallotSetBuilder, ballotHash, canonicalBallotText, canonicalBallotTextSlow } from "./ballot-set";
import { tallyCompiled } from "./index";
import type { ElectionInput, Method, UnrankedRule } from "./types";

const NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace"];

/**
 * A random election: 3–7 candidates, ballots with ties, truncation and the odd
 * abstention. Names are the capitalised ids, so BLT (which only carries names)
 * slugs them back to the same ids.
 */
const electionArb = fc
  .integer({ min: 3, max: 7 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      seats: fc.integer({ min: 1, max: n - 1 }),
      unranked: fc.constantFrom<UnrankedRule>("exclude", "last"),
      ballots: fc.array(
        fc.record({
          // 0 = unranked; equal numbers tie; gaps are allowed and must not matter.
          ranks: fc.array(fc.integer({ min: 0, max: n }), { minLength: n, maxLength: n }),
          count: fc.integer({ min: 1, max: 3 }),
        }),
        { minLength: 1, maxLength: 25 },
      ),
    }),
  )
  .map(({ n, seats, unranked, ballots }) => {
    const ids = NAMES.slice(0, n);
    const input: ElectionInput = {
      title: "Random election",
      seats,
      unranked,
      candidates: ids.map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1), affiliation: null })),
      ballots: ballots.map(({ ranks, count }) => {
        const levels = [...new Set(ranks.filter((r) => r > 0))].sort((a, b) => a - b);
        return { ranking: levels.map((l) => ids.filter((_, c) => ranks[c] === l)), count };
      }),
    };
    return input;
  });

function countAll(input: ElectionInput, method: Method) {
  const opts = { method, unranked: input.unranked, seats: input.seats };
  const fromJson = parseHustingsJson(toHustingsJson({ ...input, method }));
  const fromCsv = parseElektoCsv(toElektoCsv(input), opts);
  // BLT says seats itself but cannot say the method or the unranked rule.
  const fromBlt = parseBlt(toBlt(input), { method, unranked: input.unranked });
  return [fromJson, fromCsv, fromBlt].map(tallyCompiled);
}

describe("the three encodings of an election count the same", () => {
  it("Schulze: same winners, ranking, pairwise, strongest paths and ballot hash from JSON, CSV and BLT", () => {
    fc.assert(
      fc.property(electionArb, (input) => {
        const [json, csv, blt] = countAll(input, "schulze");
        for (const other of [csv, blt]) {
          expect(other.winners).toEqual(json.winners);
          expect(other.ranking).toEqual(json.ranking);
          expect(other.pairwise).toEqual(json.pairwise);
          expect(other.strongestPaths).toEqual(json.strongestPaths);
          expect(other.tieBreaks).toEqual(json.tieBreaks);
          expect(other.ballotHash).toBe(json.ballotHash);
          expect([other.ballots, other.abstentions]).toEqual([json.ballots, json.abstentions]);
        }
      }),
      { seed: 20251125, numRuns: 50 },
    );
  });

  it("Scottish STV: same winners, ranking and rounds from JSON, CSV and BLT", () => {
    fc.assert(
      fc.property(electionArb, (input) => {
        const [json, csv, blt] = countAll(input, "stv-scottish");
        for (const other of [csv, blt]) {
          expect(other.winners).toEqual(json.winners);
          expect(other.ranking).toEqual(json.ranking);
          expect(other.rounds).toEqual(json.rounds);
          expect(other.quota).toBe(json.quota);
        }
      }),
      { seed: 20251126, numRuns: 50 },
    );
  });
});

describe("the canonical ballot text (what the ballot hash is taken over)", () => {
  // Short ids from few characters, so ids are often prefixes of each other, with
  // characters on both sides of the separators "=" (61) and ">" (62).
  const fastUnits = fc.constantFrom("a", "b", "é", "Z", "1", "-", "<", "?", "~", "漢");
  // Ids the fast path hands to the reference: separators inside ids, surrogate pairs.
  const anyUnits = fc.constantFrom("a", "b", "1", "=", ">", "😀");
  const setArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      ids: fc.oneof(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3, unit: fc.oneof({ weight: 4, arbitrary: fastUnits }, { weight: 1, arbitrary: anyUnits }) }), { minLength: n, maxLength: n }),
        // Ids that are prefixes of each other, the case the fast sort must get exactly right.
        fc.shuffledSubarray(["a", "ab", "a1", "a-", "a~", "a<", "a?", "aé", "b", "b漢"], { minLength: n, maxLength: n }),
      ),
      rows: fc.array(
        fc.record({
          ranks: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
          weight: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.25, max: 3, noNaN: true })),
        }),
        { maxLength: 30 },
      ),
    }),
  );

  it("the fast byte-level builder gives exactly the reference text, folded or not", () => {
    fc.assert(
      fc.property(setArb, ({ n, ids, rows }) => {
        // Folded, as the builder makes it...
        const b = new BallotSetBuilder(n);
        for (const r of rows) b.add(r.ranks, r.weight);
        const folded = b.build();
        expect(canonicalBallotText(folded, ids)).toBe(canonicalBallotTextSlow(folded, ids));
        // ...and unfolded, with gaps in the ranks, as another producer might.
        const raw = {
          n,
          groups: rows.length,
          ranks: Int32Array.from(rows.flatMap((r) => r.ranks)),
          weights: Float64Array.from(rows.map((r) => r.weight)),
        };
        expect(canonicalBallotText(raw, ids)).toBe(canonicalBallotTextSlow(raw, ids));
        expect(ballotHash(raw, ids)).toBe(ballotHash(folded, ids));
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it("sorts lines whose ids are prefixes of each other byte by byte", () => {
    const ids = ["a", "ab", "a1", "b"];
    const b = new BallotSetBuilder(4);
    // "a>…" vs "ab…" vs "a1…" vs "a=…": ">" (62) and "=" (61) sort after "1" (49), before "b" (98).
    for (const r of [[1, 2, 0, 0], [2, 1, 0, 0], [0, 0, 1, 2], [1, 0, 0, 1], [1, 0, 0, 0], [2, 0, 1, 0]]) b.add(r);
    const set = b.build();
    expect(canonicalBallotText(set, ids)).toBe(canonicalBallotTextSlow(set, ids));
    expect(canonicalBallotText(set, ids).split("\n").slice(2, -1)).toEqual(["1 a", "1 a1>a", "1 a1>b", "1 a=b", "1 a>ab", "1 ab>a"]);
  });

  it("sorts lines that share more than the packed sort key exactly as the reference", () => {
    // 40 candidates: tokens need 7 bits, so only the first 6 tokens of a line fit
    // the fast sort's key; these ballots share their first 8 and differ after.
    const n = 40;
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    const arb = fc.array(
      fc.record({
        tail: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n - 8, maxLength: n - 8 }),
        weight: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 11 })),
      }),
      { minLength: 2, maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const raw = {
          n,
          groups: rows.length,
          ranks: Int32Array.from(rows.flatMap((r) => [1, 2, 3, 4, 5, 6, 7, 8, ...r.tail.map((x) => (x > 0 ? 8 + x : 0))])),
          weights: Float64Array.from(rows.map((r) => r.weight)),
        };
        expect(canonicalBallotText(raw, ids)).toBe(canonicalBallotTextSlow(raw, ids));
        const b = new BallotSetBuilder(n);
        for (let g = 0; g < raw.groups; g++) b.add(raw.ranks.subarray(g * n, (g + 1) * n), raw.weights[g]);
        expect(ballotHash(b.build(), ids)).toBe(ballotHash(raw, ids));
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it("BallotSetBuilder folds exactly the ballots that are equal after renumbering", () => {
    fc.assert(
      fc.property(setArb, ({ n, rows }) => {
        const b = new BallotSetBuilder(n, 1);
        for (const r of rows) b.add(r.ranks, r.weight);
        const set = b.build();
        // Reference: dense renumbering by sorting, grouping by the joined vector.
        const expected = new Map<string, number>();
        for (const r of rows) {
          const levels = [...new Set(r.ranks.filter((x) => x > 0))].sort((x, y) => x - y);
          const key = r.ranks.map((x) => (x > 0 ? levels.indexOf(x) + 1 : 0)).join(",");
          expected.set(key, (expected.get(key) ?? 0) + r.weight);
        }
        const got = new Map<string, number>();
        for (let g = 0; g < set.groups; g++) got.set(Array.from(set.ranks.subarray(g * n, (g + 1) * n)).join(","), set.weights[g]);
        expect(got).toEqual(expected);
        expect(set.groups).toBe(expected.size);
      }),
      { seed: 8, numRuns: 200 },
    );
  });
});
