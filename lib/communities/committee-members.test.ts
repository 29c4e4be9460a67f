import { describe, expect, it } from "vitest";
import { currentCommittees, type PublishedElection } from "./committee-members";
import { groupElections } from "./election-groups";

const result = (winners: string[], publishedAt: string | null) => ({
  data: {
    winners,
    candidates: [
      { id: "a", name: "Ada", affiliation: "Acme" },
      { id: "b", name: "Bo", affiliation: null },
      { id: "c", name: "Cy", affiliation: "Zeta" },
    ],
  },
  publishedAt: publishedAt ? new Date(publishedAt) : null,
});

function election(over: Partial<PublishedElection>): PublishedElection {
  return { slug: "e", title: "E", committee: "", state: "PUBLISHED", continuingMembers: [], result: result(["a"], "2026-01-01T00:00:00Z"), ...over };
}

describe("currentCommittees", () => {
  it("takes the latest published election per committee: its winners, then its continuing members", () => {
    const committees = currentCommittees("TSC", [
      election({ slug: "old", title: "Old", result: result(["c"], "2025-01-01T00:00:00Z") }),
      election({ slug: "new", title: "New", result: result(["b", "a"], "2026-06-01T00:00:00Z"), continuingMembers: [{ name: "Dee", affiliation: "Acme" }] }),
    ]);
    expect(committees).toEqual([
      {
        name: "TSC",
        source: { slug: "new", title: "New", publishedAt: new Date("2026-06-01T00:00:00Z") },
        members: [
          { name: "Bo", affiliation: "", kind: "elected" },
          { name: "Ada", affiliation: "Acme", kind: "elected" },
          { name: "Dee", affiliation: "Acme", kind: "continuing" },
        ],
      },
    ]);
  });

  it("keeps committees apart: an election's own committee beats the community's name", () => {
    const committees = currentCommittees("TSC", [
      election({ slug: "tsc", result: result(["a"], "2026-01-01T00:00:00Z") }),
      election({ slug: "board", committee: "Board", result: result(["c"], "2025-01-01T00:00:00Z") }),
    ]);
    expect(committees.map((c) => [c.name, c.source.slug, c.members.map((m) => m.name)])).toEqual([
      ["Board", "board", ["Cy"]],
      ["TSC", "tsc", ["Ada"]],
    ]);
  });

  it("ignores results that are not published: tallied under review, cancelled, or without a publication time", () => {
    const committees = currentCommittees("TSC", [
      election({ slug: "pub", result: result(["a"], "2025-01-01T00:00:00Z") }),
      election({ slug: "tallied", state: "TALLIED", result: result(["b"], null) }),
      election({ slug: "cancelled", state: "CANCELLED", result: null }),
      election({ slug: "odd", state: "PUBLISHED", result: result(["c"], null) }),
    ]);
    expect(committees.map((c) => c.source.slug)).toEqual(["pub"]);
  });

  it("names a committee 'Committee' when neither the election nor the community does", () => {
    expect(currentCommittees("", [election({})])[0].name).toBe("Committee");
  });

  it("drops winners it cannot name and malformed continuing members rather than inventing them", () => {
    const [c] = currentCommittees("TSC", [
      election({ result: { data: { winners: ["a", "ghost", 7], candidates: [{ id: "a", name: "Ada" }, "junk"] }, publishedAt: new Date() }, continuingMembers: [{ affiliation: "x" }, "junk", { name: "Eve", affiliation: "none" }] }),
    ]);
    expect(c.members).toEqual([
      { name: "Ada", affiliation: "", kind: "elected" },
      { name: "Eve", affiliation: "", kind: "continuing" },
    ]);
    expect(currentCommittees("TSC", [election({ result: { data: "garbage", publishedAt: new Date() } })])[0].members).toEqual([]);
  });

  it("has no committee before anything is published", () => {
    expect(currentCommittees("TSC", [])).toEqual([]);
  });
});

describe("groupElections", () => {
  const now = new Date("2026-05-10T00:00:00Z");
  const at = (d: string) => new Date(`2026-05-${d}T00:00:00Z`);
  const sched = (state: PublishedElection["state"], n1: string, n2: string, v1: string, v2: string) => ({
    state: state as "SCHEDULED",
    nominationsOpenAt: at(n1),
    nominationsCloseAt: at(n2),
    votingOpenAt: at(v1),
    votingCloseAt: at(v2),
  });
  it("puts nominations and voting under open, what has not started under upcoming, everything over under past, and cancelled ones apart", () => {
    const g = groupElections(
      [
        { id: "nominating", ...sched("SCHEDULED", "01", "15", "20", "25") },
        { id: "voting", ...sched("SCHEDULED", "01", "03", "05", "15") },
        { id: "soon", ...sched("SCHEDULED", "12", "15", "20", "25") },
        { id: "campaign", ...sched("SCHEDULED", "01", "05", "12", "25") },
        { id: "draft", ...sched("DRAFT", "12", "15", "20", "25") },
        { id: "awaiting", ...sched("SCHEDULED", "01", "02", "03", "04") },
        { id: "published", ...sched("PUBLISHED", "01", "02", "03", "04") },
        { id: "cancelled", ...sched("CANCELLED", "01", "15", "20", "25") },
      ],
      now,
    );
    expect(g.open.map((e) => e.id)).toEqual(["nominating", "voting"]);
    expect(g.upcoming.map((e) => e.id)).toEqual(["soon", "campaign", "draft"]);
    expect(g.past.map((e) => [e.id, e.phase])).toEqual([
      ["awaiting", "awaiting-close"],
      ["published", "published"],
    ]);
    // Cancelled in its nominations window: never "open", never among what was held.
    expect(g.cancelled.map((e) => [e.id, e.phase])).toEqual([["cancelled", "cancelled"]]);
  });
});
