import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { closeRateLimitStore } from "@/lib/rate-limit";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { tallyCompiled } from "@/lib/tally";
import { parseElektoCsv, parseHustingsJson, parseBlt } from "@/lib/tally/formats";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { exportBallots } from "@/lib/ballots/export-ballots";
import { receiptHash } from "@/lib/ballots/receipt";
import { closeVoting } from "./close-voting";
import { tallyElection } from "./tally-election";
import { publishResults } from "./publish-results";
import { declareElectedUnopposed } from "./declare-elected-unopposed";
import { expectRefused, makeCandidate, makeElection, makeOfficial, makeUser, makeVoter, outsiders } from "@/test/helpers/factories";

afterAll(() => closeRateLimitStore());

/** An election with 4 candidates (two from Acme), a cap of 1 per affiliation, 2 seats, and 7 ballots cast through castBallot. */
async function votedElection() {
  const e = await makeElection("voting", { seats: 2, maxPerAffiliation: 1 });
  const official = await makeOfficial(e.id);
  const a = (await makeCandidate(e.id, { name: "Alice", affiliation: "Acme" })).id;
  const b = (await makeCandidate(e.id, { name: "Bob", affiliation: "Acme" })).id;
  const c = (await makeCandidate(e.id, { name: "Carol", affiliation: "none" })).id;
  const d = (await makeCandidate(e.id, { name: "Dan", affiliation: "Initech" })).id;
  await makeCandidate(e.id, { name: "Rejected", status: "REJECTED" });
  const rankings = [[[a], [b], [c]], [[a], [b], [d]], [[b], [a]], [[a, b], [c]], [[c], [d]], [[a], [d], [c]], []];
  const receipts: { voterId: string; code: string }[] = [];
  for (const ranking of rankings) {
    const voter = await makeVoter(e.id);
    receipts.push({ voterId: voter.id, code: (await castBallot(voter, { electionId: e.id, ranking })).receipt });
  }
  await makeVoter(e.id); // on the roll, did not vote
  return { e, official, ids: { a, b, c, d }, rankings, receipts };
}

describe("closeVoting", () => {
  it("closes voting (early too), audited; refuses a second close and before voting opened", async () => {
    const { e, official } = await votedElection();
    expect(await closeVoting(official, { electionId: e.id })).toEqual({ participations: 7, ballots: 7 });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).state).toBe("CLOSED");
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id }, orderBy: { seq: "desc" } })).toMatchObject({ action: "voting.closed" });
    await expectRefused(() => closeVoting(official, { electionId: e.id }), ConflictError);
    const early = await makeElection("campaign");
    const o = await makeOfficial(early.id);
    await expectRefused(() => closeVoting(o, { electionId: early.id }), ConflictError, /not opened/);
    await expectRefused(() => closeVoting(o, { electionId: 42 as never }), InvalidInputError, /electionId/);
  });

  it("refuses non-officials (admin included)", async () => {
    const e = await makeElection("voting");
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => closeVoting(who, { electionId: e.id }), ForbiddenError);
  });
});

describe("tallyElection and publishResults", () => {
  it("stores the count of the cast ballots, with turnout, respecting the affiliation cap", async () => {
    const { e, official, ids } = await votedElection();
    const { a, b, c, d } = ids;
    await closeVoting(official, { electionId: e.id });
    const stored = await tallyElection(official, { electionId: e.id });
    // By hand, unranked = no opinion, winning votes. Ballots: a>b>c, a>b>d, b>a, a=b>c, c>d, a>d>c, empty.
    //   d(a,b) 2, d(b,a) 1; d(a,c) 3; d(a,d) 2; d(b,c) 2; d(b,d) 1; d(c,d) 1 = d(d,c) 1; the rest 0.
    //   Defeats a→b 2, a→c 3, a→d 2, b→c 2, b→d 1; c and d defeat nobody, nor each other.
    //   Paths equal the defeats (no detour is stronger): a > b > c = d.
    // Seat 1: a (Acme). Seat 2: b is Acme too and the cap is 1, so c and d, tied, share it by the tie-break.
    expect(stored.pairwise).toEqual({
      [a]: { [b]: 2, [c]: 3, [d]: 2 },
      [b]: { [a]: 1, [c]: 2, [d]: 1 },
      [c]: { [a]: 0, [b]: 0, [d]: 1 },
      [d]: { [a]: 0, [b]: 0, [c]: 1 },
    });
    expect(stored.strongestPaths).toEqual({
      [a]: { [b]: 2, [c]: 3, [d]: 2 },
      [b]: { [a]: 0, [c]: 2, [d]: 1 },
      [c]: { [a]: 0, [b]: 0, [d]: 0 },
      [d]: { [a]: 0, [b]: 0, [c]: 0 },
    });
    expect(stored.ranking.map((t) => [...t].sort())).toEqual([[a], [b], [c, d].sort()]);
    expect(stored.winners[0]).toBe(a);
    expect(stored.skippedForCap).toEqual([
      { candidate: b, affiliation: "Acme", seat: 2, reason: 'affiliation "Acme" already holds 1 seat, the most allowed (1); seat 2 goes to the next eligible candidate' },
    ]);
    expect(stored.tieBreaks).toHaveLength(1);
    expect(stored.tieBreaks[0]).toMatchObject({ decision: "seat 2", among: [c, d].sort() });
    expect(stored.winners).toEqual([a, stored.tieBreaks[0].order[0]]);
    // The ballot hash by its definition (docs/cli.md): SHA-256 over the canonical text, written out here.
    const tiers = (...t: string[][]) => t.map((x) => [...x].sort().join("=")).join(">");
    const lines = [tiers([a], [b], [c]), tiers([a], [b], [d]), tiers([b], [a]), tiers([a, b], [c]), tiers([c], [d]), tiers([a], [d], [c])].map((t) => `1 ${t}`).sort();
    const canonical = ["hustings-ballots-v1", `candidates ${[a, b, c, d].sort().join(" ")}`, ...lines].join("\n") + "\n";
    const expectedHash = createHash("sha256").update(canonical).digest("hex");
    expect(stored.ballotHash).toBe(expectedHash);
    expect(stored.ballots).toBe(7);
    expect(stored.abstentions).toBe(1);
    expect(stored.turnout).toEqual({ voted: 7, electorate: 8, ballots: 7 });
    const row = await prisma.result.findUniqueOrThrow({ where: { electionId: e.id } });
    expect(row).toMatchObject({ ballotHash: expectedHash, talliedById: official.id, publishedAt: null });
    expect((row.data as { winners: string[] }).winners).toEqual(stored.winners);
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).state).toBe("TALLIED");
    await expectRefused(() => tallyElection(official, { electionId: e.id }), ConflictError);

    await publishResults(official, { electionId: e.id });
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).state).toBe("PUBLISHED");
    expect((await prisma.result.findUniqueOrThrow({ where: { electionId: e.id } })).publishedAt).not.toBeNull();
    const actions = (await prisma.auditEntry.findMany({ where: { electionId: e.id }, orderBy: { seq: "asc" } })).map((x) => x.action);
    expect(actions).toEqual(["voting.closed", "election.tallied", "results.published"]);
    await expectRefused(() => publishResults(official, { electionId: e.id }), ConflictError);
  });

  it("refuses to tally before close, or to publish before tally", async () => {
    const { e, official } = await votedElection();
    await expectRefused(() => tallyElection(official, { electionId: e.id }), ConflictError, /closed/);
    await expectRefused(() => publishResults(official, { electionId: e.id }), ConflictError, /tallied/);
  });

  it("refuses non-officials (admin included)", async () => {
    const closed = await makeElection("closed");
    await makeCandidate(closed.id);
    for (const [, who] of await outsiders(closed.id, true)) await expectRefused(() => tallyElection(who, { electionId: closed.id }), ForbiddenError);
    const tallied = await makeElection("tallied");
    for (const [, who] of await outsiders(tallied.id, true)) await expectRefused(() => publishResults(who, { electionId: tallied.id }), ForbiddenError);
  });
});

describe("exportBallots", () => {
  it("officials export after close in all three formats; each re-tallies to the stored result", async () => {
    const { e, official } = await votedElection();
    await expectRefused(() => exportBallots(official, { electionId: e.id, format: "json" }), ConflictError, /closed/);
    await closeVoting(official, { electionId: e.id });
    const stored = await tallyElection(official, { electionId: e.id });
    const json = await exportBallots(official, { electionId: e.id, format: "json" });
    expect(json).not.toMatch(/receipt/);
    const opts = { seats: 2, maxPerAffiliation: 1 };
    const fromJson = parseHustingsJson(json);
    expect(fromJson).toMatchObject({ seats: 2, maxPerAffiliation: 1, unranked: "exclude", strength: "winning" });
    const recount = tallyCompiled(fromJson);
    expect(recount.winners).toEqual(stored.winners);
    expect(recount.pairwise).toEqual(stored.pairwise);
    expect(recount.ballotHash).toBe(stored.ballotHash);
    const csv = await exportBallots(official, { electionId: e.id, format: "csv" });
    expect(csv.trim().split("\n")).toHaveLength(8);
    expect(tallyCompiled(parseElektoCsv(csv, opts)).ballotHash).toBe(stored.ballotHash);
    const blt = await exportBallots(official, { electionId: e.id, format: "blt" });
    // BLT ids are slugs of the names. The pairwise counts worked out by hand in the tally test above:
    const fromBlt = tallyCompiled(parseBlt(blt, { ...opts, method: "schulze" }));
    expect(fromBlt.ballots).toBe(7);
    expect(fromBlt.pairwise).toEqual({
      alice: { bob: 2, carol: 3, dan: 2 },
      bob: { alice: 1, carol: 2, dan: 1 },
      carol: { alice: 0, bob: 0, dan: 1 },
      dan: { alice: 0, bob: 0, carol: 1 },
    });
  });

  it("after publication anyone gets the JSON with receipt hashes, in a shuffled order", async () => {
    const { e, official, receipts } = await votedElection();
    await closeVoting(official, { electionId: e.id });
    await tallyElection(official, { electionId: e.id });
    await publishResults(official, { electionId: e.id });
    const json = await exportBallots(null, { electionId: e.id, format: "json" });
    const parsed = JSON.parse(json) as { ballots: { receipt: string }[] };
    // Each receipt hash is bound to the roll entry its voter's account voted for.
    const entryOf = new Map((await prisma.participation.findMany({ where: { electionId: e.id } })).map((p) => [p.userId, p.entryId]));
    expect(parsed.ballots.map((b) => b.receipt).sort()).toEqual(receipts.map((r) => receiptHash(entryOf.get(r.voterId)!, r.code)).sort());
    const orders = new Set<string>();
    for (let i = 0; i < 8; i++) orders.add((JSON.parse(await exportBallots(null, { electionId: e.id, format: "json" })) as { ballots: { receipt: string }[] }).ballots.map((b) => b.receipt).join());
    expect(orders.size).toBeGreaterThan(1);
    await prisma.election.update({ where: { id: e.id }, data: { publishBallots: false } });
    await expectRefused(() => exportBallots(null, { electionId: e.id, format: "csv" }), ForbiddenError);
    expect(await exportBallots(official, { electionId: e.id, format: "csv" })).toContain("No opinion");
  });

  it("refuses everyone but officials before publication", async () => {
    const e = await makeElection("closed");
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => exportBallots(who, { electionId: e.id, format: "json" }), ForbiddenError);
    const o = await makeOfficial(e.id);
    await expectRefused(() => exportBallots(o, { electionId: e.id, format: "xml" as never }), InvalidInputError, /format/);
  });
});

describe("declareElectedUnopposed", () => {
  it("elects every accepted candidate when there are no more than seats, publishing at once, audited", async () => {
    const e = await makeElection("campaign", { seats: 3, maxPerAffiliation: 2 });
    const official = await makeOfficial(e.id);
    const a = await makeCandidate(e.id, { affiliation: "Acme" });
    const b = await makeCandidate(e.id, { affiliation: "Acme" });
    await makeCandidate(e.id, { status: "WITHDRAWN" });
    const { winners } = await declareElectedUnopposed(official, { electionId: e.id });
    expect(winners.sort()).toEqual([a.id, b.id].sort());
    expect((await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).state).toBe("PUBLISHED");
    const r = await prisma.result.findUniqueOrThrow({ where: { electionId: e.id } });
    expect(r.publishedAt).not.toBeNull();
    expect(r.data).toMatchObject({ unopposed: true, ballots: 0 });
    expect(await prisma.auditEntry.findFirst({ where: { electionId: e.id }, orderBy: { seq: "desc" } })).toMatchObject({ action: "election.declared-unopposed" });
  });

  it("refuses during nominations, with more candidates than seats, pending reviews, votes cast, or a binding cap", async () => {
    const during = await makeElection("nominations", { seats: 2 });
    const o1 = await makeOfficial(during.id);
    await makeCandidate(during.id);
    await expectRefused(() => declareElectedUnopposed(o1, { electionId: during.id }), ConflictError, /not closed/);

    const crowded = await makeElection("campaign", { seats: 1 });
    const o2 = await makeOfficial(crowded.id);
    await makeCandidate(crowded.id);
    await makeCandidate(crowded.id);
    await expectRefused(() => declareElectedUnopposed(o2, { electionId: crowded.id }), ConflictError, /more accepted candidates/);

    const pending = await makeElection("campaign", { seats: 2 });
    const o3 = await makeOfficial(pending.id);
    await makeCandidate(pending.id, { status: "SUBMITTED" });
    await expectRefused(() => declareElectedUnopposed(o3, { electionId: pending.id }), ConflictError, /Review/);

    const voted = await makeElection("voting", { seats: 2 });
    const o4 = await makeOfficial(voted.id);
    const c = await makeCandidate(voted.id);
    await castBallot(await makeVoter(voted.id), { electionId: voted.id, ranking: [[c.id]] });
    await expectRefused(() => declareElectedUnopposed(o4, { electionId: voted.id }), ConflictError, /Votes have been cast/);

    const capped = await makeElection("campaign", { seats: 3, maxPerAffiliation: 1, continuingMembers: [{ name: "Old", affiliation: "Acme" }] });
    const o5 = await makeOfficial(capped.id);
    await makeCandidate(capped.id, { affiliation: "ACME" });
    await expectRefused(() => declareElectedUnopposed(o5, { electionId: capped.id }), ConflictError, /cap/);
  });

  it("refuses non-officials (admin included)", async () => {
    const e = await makeElection("campaign", { seats: 2 });
    await makeCandidate(e.id);
    for (const [, who] of await outsiders(e.id, true)) await expectRefused(() => declareElectedUnopposed(who, { electionId: e.id }), ForbiddenError);
    const stranger = await makeUser();
    await expectRefused(() => declareElectedUnopposed(stranger, { electionId: e.id }), ForbiddenError);
  });
});
