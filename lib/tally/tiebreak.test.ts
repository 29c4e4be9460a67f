// The tie-break seeds, pinned by the hand computation docs/cli.md walks through
// ("Checking the ballot hash and repeating a tie-break by hand"). Every expected
// value below was produced with `sha256sum` on the texts written out here, and the
// draws read off by hand; none comes from the engine.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileElection } from "./compile";
import { ballotHash, canonicalBallotText } from "./ballot-set";
import { tally } from "./index";
import { lotOrder, TBRC_RULE, tieBreakingRanking } from "./tiebreak";
import type { ElectionInput } from "./types";

const example = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../test/fixtures/tally/cli-example.json"), "utf8")) as ElectionInput;

// printf 'hustings-ballots-v1\ncandidates alice bob carol dave\n1 alice\n2 dave>carol>bob\n3 bob>alice>dave\n3 carol>alice=bob\n5 alice>bob>carol>dave\n' | sha256sum
const EXAMPLE_TEXT = "hustings-ballots-v1\ncandidates alice bob carol dave\n1 alice\n2 dave>carol>bob\n3 bob>alice>dave\n3 carol>alice=bob\n5 alice>bob>carol>dave\n";
const EXAMPLE_HASH = "d4be2d49186803158b3c2155031973dbe71d7b0cdacf37ce951b8fe0da63f74b";

describe("the documented worked example (docs/cli.md, test/fixtures/tally/cli-example.json)", () => {
  const compiled = compileElection(example);
  const ids = compiled.candidates.map((c) => c.id);

  it("hashes the canonical ballot text the doc prints", () => {
    expect(ids).toEqual(["alice", "bob", "carol", "dave"]);
    expect(canonicalBallotText(compiled.ballots, ids)).toBe(EXAMPLE_TEXT);
    expect(ballotHash(compiled.ballots, ids)).toBe(EXAMPLE_HASH);
  });

  it("draws the tie-breaking ranking as the doc repeats it by hand", () => {
    // Distinct non-empty ballots in the order of their tier text, with cumulative weights:
    //   alice 1 | alice>bob>carol>dave 6 | bob>alice>dave 9 | carol>alice=bob 12 | dave>carol>bob 14
    // draw 0: sha256("d4be…f74b:draw:0") = dae71337719ba765…; 0xdae71337719ba / 16^13 = 0.85509 × 14 = 11.97
    //   → carol>alice=bob: carol, then alice = bob, then dave (unranked)
    // draw 1: sha256("d4be…f74b:draw:1") = e390deeb80e0990d…; 0xe390deeb80e09 / 16^13 × 14 = 12.45
    //   → dave>carol>bob: bob is ranked, alice is not: bob before alice. Nothing is tied any more.
    const tbrc = tieBreakingRanking(compiled.ballots, ids, EXAMPLE_HASH);
    expect(tbrc.draws).toEqual(["carol>alice=bob", "dave>carol>bob"]);
    expect(tbrc.order.map((c) => ids[c])).toEqual(["carol", "bob", "alice", "dave"]);
  });

  it("orders what the draws leave tied by sha256(<hash>:<id>), smallest first", () => {
    // sha256("d4be…f74b:carol") = 8e5450b8…, :alice = a8a46af9…, :dave = ee9dfad4…, :bob = f91840ba…
    expect(lotOrder([0, 1, 2, 3], ids, EXAMPLE_HASH).map((c) => ids[c])).toEqual(["carol", "alice", "dave", "bob"]);
  });

  it("breaks the seat-2 tie of the uncapped count as the doc says: carol > bob", () => {
    const r = tally({ ...example, maxPerAffiliation: 3 });
    expect(r.ballotHash).toBe(EXAMPLE_HASH);
    expect(r.winners).toEqual(["alice", "carol"]);
    expect(r.tieBreaks).toEqual([{ decision: "seat 2", among: ["bob", "carol"], order: ["carol", "bob"], rule: expect.stringContaining(TBRC_RULE) }]);
  });
});

describe("the STV lot", () => {
  // Three candidates, one ballot each, one seat: every count is a tie only the lot breaks.
  // printf 'hustings-ballots-v1\ncandidates a b c\n1 a\n1 b\n1 c\n' | sha256sum
  const LOT_HASH = "296259a2d89607da078a9e46fca5728aa0df5298344a7c28d259d020a5f4ddeb";
  // Ballots a [0,1), b [1,2), c [2,3) of total weight 3.
  // draw 0: sha256("2962…ddeb:draw:0") = 4f29dd76b45fb…; 0x4f29dd76b45fb / 16^13 × 3 = 0.93 → ballot "a": a, then b = c
  // draw 1: sha256("2962…ddeb:draw:1") = 84d273f4aaf8b…; × 3 = 1.56 → ballot "b": b before c.
  // Lot order (most favoured first): a > b > c. Exclusions take the least favoured:
  // stage 1 excludes c; stage 2, a and b still level (also at stage 1) → b; a is elected.
  const input = (method: "stv-scottish" | "stv-meek" | "irv"): ElectionInput => ({
    seats: 1,
    method,
    candidates: ["a", "b", "c"].map((id) => ({ id, name: id.toUpperCase() })),
    ballots: [{ ranking: [["a"]], count: 1 }, { ranking: [["b"]], count: 1 }, { ranking: [["c"]], count: 1 }],
  });

  it("seeds the lot from the ballot hash as documented", () => {
    const compiled = compileElection(input("stv-scottish"));
    expect(ballotHash(compiled.ballots, ["a", "b", "c"])).toBe(LOT_HASH);
    const tbrc = tieBreakingRanking(compiled.ballots, ["a", "b", "c"], LOT_HASH);
    expect(tbrc.draws).toEqual(["a", "b"]);
    expect(tbrc.order).toEqual([0, 1, 2]);
  });

  for (const method of ["stv-scottish", "stv-meek", "irv"] as const) {
    it(`${method}: excludes c, then b, by lot, and elects a`, () => {
      const r = tally(input(method));
      expect(r.ballotHash).toBe(LOT_HASH);
      expect(r.winners).toEqual(["a"]);
      expect(r.rounds!.flatMap((s) => s.excluded)).toEqual(["c", "b"]);
      // Two exclusions decided by lot: first among all three, then between a and b; favoured first.
      expect(r.tieBreaks.map((t) => [t.among, t.order])).toEqual([
        [["a", "b", "c"], ["a", "b", "c"]],
        [["a", "b"], ["a", "b"]],
      ]);
    });
  }
});
