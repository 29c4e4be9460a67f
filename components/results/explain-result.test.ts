// Results counted by the real engine, then put into words: the sentences the
// winners box shows beside the winners.
import { describe, expect, it } from "vitest";
import { tally } from "@/lib/tally";
import type { ElectionInput } from "@/lib/tally/types";
import { explainResult, listInWords, ordinal } from "./explain-result";

const candidates = [
  { id: "bo", name: "Bo Lindqvist", affiliation: "Acme" },
  { id: "dana", name: "Dana Okafor", affiliation: " acme " },
  { id: "cleo", name: "Cleo Morrow", affiliation: "none" },
  { id: "vera", name: "Vera Voter", affiliation: "" },
];

function count(over: Partial<ElectionInput>) {
  return tally({ seats: 2, method: "schulze", unranked: "last", maxPerAffiliation: 1, candidates, ballots: [], ...over });
}

describe("explainResult", () => {
  it("names the candidate the cap kept out, their place, and who of their affiliation holds the seat", () => {
    // Bo > Dana > Cleo > Vera, strictly: Dana places 2nd, Acme is full, Cleo takes seat 2.
    const r = count({ ballots: [{ ranking: [["bo"], ["dana"], ["cleo"], ["vera"]], count: 3 }] });
    expect(r.winners).toEqual(["bo", "cleo"]);
    const words = explainResult(r);
    expect(words.capSkips).toHaveLength(1);
    expect(words.capSkips[0].text).toBe(
      "Dana Okafor (acme) placed 2nd but was not elected: the rules allow at most 1 member per affiliation and acme already holds that seat (Bo Lindqvist, elected).",
    );
    expect(words.capSkips[0]).toMatchObject({ place: 2, tied: false, heldBy: ["Bo Lindqvist"], continuing: 0 });
    expect(words.seatLineTies).toEqual([]);
  });

  it("counts continuing members among those holding an affiliation's seats", () => {
    const r = count({
      seats: 1,
      maxPerAffiliation: 2,
      continuingMembers: [
        { name: "Ines Duarte", affiliation: "Acme" },
        { name: "Kim Park", affiliation: "ACME" },
      ],
      ballots: [{ ranking: [["bo"], ["cleo"], ["dana"], ["vera"]], count: 2 }],
    });
    expect(r.winners).toEqual(["cleo"]);
    const [bo] = explainResult(r).capSkips;
    expect(bo.text).toBe(
      "Bo Lindqvist (Acme) placed 1st but was not elected: the rules allow at most 2 members per affiliation and Acme already holds those seats (2 continuing members).",
    );
  });

  it("says in plain words who tied for the last seat and that lots decided it", () => {
    // Bo first, Dana second but capped, Cleo and Vera tied (unranked, so last) for seat 2.
    const r = count({ ballots: [{ ranking: [["bo"], ["dana"]], count: 1 }] });
    const words = explainResult(r);
    expect(words.capSkips.map((s) => s.name)).toEqual(["Dana Okafor"]);
    expect(words.seatLineTies).toHaveLength(1);
    const tie = words.seatLineTies[0];
    const elected = r.winners[1] === "cleo" ? "Cleo Morrow" : "Vera Voter";
    expect(["cleo", "vera"]).toContain(r.winners[1]);
    expect(tie.text).toBe(`Cleo Morrow and Vera Voter tied for the last seat; it was decided by drawing lots using a random draw anyone can re-check. ${elected} was elected.`);
    expect(tie.elected).toEqual([elected]);
    expect(tie.tieBreak.rule).toContain("TBRC");
    // The words beside the winners carry no cryptography; that stays in the tie-break record.
    expect(tie.text).not.toMatch(/SHA|TBRC|hash/i);
  });

  it("keeps ties that elected nobody different out of the seat-line explanation", () => {
    // Bo and Cleo tie at the top for two seats: both are elected whichever way the tie falls.
    const r = count({ ballots: [{ ranking: [["bo", "cleo"], ["dana"], ["vera"]], count: 2 }] });
    expect([...r.winners].sort()).toEqual(["bo", "cleo"]);
    const words = explainResult(r);
    expect(words.seatLineTies).toEqual([]);
    expect(words.capSkips).toEqual([]);
  });

  it("explains a tie where the cap lets only one of the tied candidates in", () => {
    // Bo and Dana (both Acme) tie at the top for two seats; the cap seats one, the draw decides which.
    const r = count({ ballots: [{ ranking: [["bo", "dana"], ["cleo"], ["vera"]], count: 2 }] });
    const words = explainResult(r);
    expect(words.seatLineTies).toHaveLength(1);
    expect(words.seatLineTies[0].text).toMatch(
      /^Bo Lindqvist and Dana Okafor tied, and the affiliation cap let only one of them take a seat; it was decided by drawing lots using a random draw anyone can re-check\. (Bo Lindqvist|Dana Okafor) was elected\.$/,
    );
    expect(words.capSkips).toHaveLength(1);
    expect(words.capSkips[0].text).toMatch(/tied for 1st but was not elected/);
  });
});

describe("words", () => {
  it("writes ordinals and lists as people do", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    expect(listInWords(["A"])).toBe("A");
    expect(listInWords(["A", "B"])).toBe("A and B");
    expect(listInWords(["A", "B", "C"])).toBe("A, B and C");
  });
});
