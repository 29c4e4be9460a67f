import { describe, expect, it } from "vitest";
import { demoKataElection, moveIntoFuture } from "./kata-election";

describe("the demo's Kata folder", () => {
  it("parses as a Kata election: two seats, three declarations, the folder's dates", async () => {
    const e = await demoKataElection(new Date("2026-11-29T12:00:00Z"));
    expect(e).toMatchObject({ title: "Architecture Committee Elections: March 2027", seats: 2 });
    expect(e.schedule).toMatchObject({ nominationsOpen: "2027-02-24T15:00:00.000Z", votingClose: "2027-03-17T14:59:00.000Z" });
    expect(e.candidates.map((c) => [c.name, c.email, c.warnings])).toEqual([
      ["Priya Raman", "priya@example.org", []],
      ["Rin Nakamura", "rin@example.org", []],
      ["Teodor Vasile", "teodor@example.org", []],
    ]);
  });

  it("moves by whole years, title included, when nominations would open within two weeks", async () => {
    const e = await demoKataElection(new Date("2026-11-29T12:00:00Z"));
    // 2027-02-20 is four days before the folder's nominations open: one year on.
    const moved = moveIntoFuture(e, new Date("2027-02-20T00:00:00Z"));
    expect(moved.title).toBe("Architecture Committee Elections: March 2028");
    expect(moved.schedule).toEqual({
      nominationsOpen: "2028-02-24T15:00:00.000Z",
      nominationsClose: "2028-03-03T14:59:00.000Z",
      campaignClose: "2028-03-10T14:59:00.000Z",
      votingOpen: "2028-03-11T15:00:00.000Z",
      votingClose: "2028-03-17T14:59:00.000Z",
    });
    expect(moveIntoFuture(e, new Date("2031-06-01T00:00:00Z")).title).toBe("Architecture Committee Elections: March 2032");
    expect(moved.candidates).toEqual(e.candidates);
  });
});
