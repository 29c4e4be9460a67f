import { beforeAll, describe, expect, it } from "vitest";
import { auditEntryHash, GENESIS_HASH } from "@/lib/audit/append-audit-entry";
import { prisma } from "@/lib/db/client";
import { DEMO_COMMUNITIES, DEMO_ELECTION_COMMUNITY, DEMO_SLUGS, seedDemo, type DemoElectionKey } from "@/lib/demo/seed-demo";
import { electionPhase } from "@/lib/elections/phase";

/** A demo election by its key: its slug in its community. */
const demoElection = <T extends object>(key: DemoElectionKey, include?: T) =>
  prisma.election.findFirstOrThrow({ where: { slug: DEMO_SLUGS[key], community: { slug: DEMO_COMMUNITIES[DEMO_ELECTION_COMMUNITY[key]].slug } }, include: include as T });

describe("demo seed", () => {
  beforeAll(async () => {
    // Other integration files share this database and may have made elections already.
    await seedDemo(prisma, { evenIfElectionsExist: true });
  });

  it("creates the three demo elections in the phases the demo needs", async () => {
    const nominations = await demoElection("nominations", { officials: true });
    const voting = await demoElection("voting", { officials: true });
    const published = await demoElection("published", { officials: true });
    expect(nominations.title).toBe("Lighthouse Technical Steering Committee 2026");
    expect(electionPhase(nominations)).toBe("nominations");
    expect(voting.title).toBe("Harbor Project Architecture Committee — Spring 2026");
    expect(electionPhase(voting)).toBe("voting");
    expect(voting.seats).toBe(3);
    expect(voting.maxPerAffiliation).toBe(2);
    expect(voting.continuingMembers).not.toEqual([]);
    expect(published.title).toBe("Beacon Foundation Board 2025");
    expect(electionPhase(published)).toBe("published");
    for (const e of [nominations, voting, published]) expect(e.officials).toHaveLength(1);

    const statuses = await prisma.candidacy.groupBy({ by: ["status"], where: { electionId: nominations.id }, _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["ACCEPTED", "SUBMITTED", "WITHDRAWN"]);
    expect(await prisma.candidacy.count({ where: { electionId: voting.id, status: "ACCEPTED" } })).toBeGreaterThan(voting.seats);
    // The demo voters can still vote.
    const vera = await prisma.user.findUniqueOrThrow({ where: { email: "vera@example.org" } });
    expect(await prisma.electorateEntry.count({ where: { electionId: voting.id, githubLogin: "vera-voss" } })).toBe(1);
    expect(await prisma.participation.count({ where: { electionId: voting.id, userId: vera.id } })).toBe(0);
  });

  it("puts each community in the hands of its own admin, the instance admin only where she is named", async () => {
    const communities = await prisma.community.findMany({
      where: { slug: { in: ["lighthouse", "harbor", "beacon"] } },
      include: { admins: { include: { user: true } }, elections: { select: { slug: true } } },
      orderBy: { slug: "asc" },
    });
    expect(communities.map((c) => [c.slug, c.name, c.admins.map((a) => a.user.githubLogin)])).toEqual([
      ["beacon", "Beacon Foundation", ["ada-admin"]],
      ["harbor", "Harbor Project", ["harriet-osei"]],
      ["lighthouse", "Lighthouse", ["linnea-berg"]],
    ]);
    for (const c of communities) {
      expect(c.description).toMatch(/\*\*.+\*\*/); // Markdown
      expect(new URL(c.governanceUrl!).hostname).toMatch(/(^|\.)example\.org$/);
      expect(c.committeeName).not.toBe("");
      expect(c.rollFormats.length).toBeGreaterThan(0);
    }
    const slugs = Object.fromEntries(communities.map((c) => [c.slug, c.elections.map((e) => e.slug).sort()]));
    expect(slugs).toEqual({
      beacon: ["beacon-board-2025"],
      harbor: ["architecture-committee-elections-march-2027", "harbor-ac-spring-2026"].sort(),
      lighthouse: ["lighthouse-tsc-2026"],
    });
    expect(communities.find((c) => c.slug === "beacon")).toMatchObject({ defaultSeats: 3, defaultMaxPerAffiliation: 1 });
  });

  it("imports Harbor's draft from the Kata folder it ships, by Harbor's admin, for Olu to review", async () => {
    const e = await prisma.election.findFirstOrThrow({
      where: { community: { slug: "harbor" }, slug: { startsWith: "architecture-committee-elections-" } },
      include: { candidacies: { orderBy: { displayName: "asc" } }, officials: { include: { user: true } } },
    });
    expect(e).toMatchObject({ state: "DRAFT", seats: 2, maxPerAffiliation: 2 });
    expect(e.nominationsOpenAt!.getTime()).toBeGreaterThan(Date.now());
    expect(e.candidacies.map((c) => [c.displayName, c.status, c.userId, c.affiliation])).toEqual([
      ["Priya Raman", "SUBMITTED", null, "Saltmarsh Computing"],
      ["Rin Nakamura", "SUBMITTED", null, "none"],
      ["Teodor Vasile", "SUBMITTED", null, "Pinecrest Systems"],
    ]);
    expect(e.officials.map((o) => o.user.githubLogin)).toEqual(["olu-official"]);
    const imported = await prisma.auditEntry.findFirstOrThrow({ where: { electionId: e.id, action: "election.imported" } });
    expect(imported).toMatchObject({ actorLabel: "harriet-osei", details: expect.objectContaining({ source: "kata", community: "harbor", candidates: 3 }) });
  });

  it("seeds the people to sign in as", async () => {
    const ada = await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.org" } });
    expect(ada).toMatchObject({ name: "Ada Admin", githubLogin: "ada-admin" });
    expect(await prisma.user.count({ where: { email: { endsWith: "@example.org" } } })).toBeGreaterThanOrEqual(2 + 5 + 8);
  });

  it("publishes the result of its seeded ballots, worked out independently of the engine", async () => {
    const e = await demoElection("published", { result: true, candidacies: true });
    expect(e.result?.publishedAt).toBeInstanceOf(Date);
    const stored = e.result?.data as { winners: string[]; ranking: string[][]; pairwise: Record<string, Record<string, number>>; skippedForCap: { candidate: string; seat: number }[]; ballots: number; turnout: { voted: number; electorate: number } };
    const name = new Map(e.candidacies.map((c) => [c.id, c.displayName.split(" ")[0]]));
    // The seed's generator is seeded, so its 15 ballots (one empty) are the same on every machine.
    // Their pairwise counts (row over column, unranked = no opinion), counted from the stored ballots
    // apart from the engine (and checkable against the 14 non-empty ballots on the demo's results page):
    //          Mateo Samir Mei Grace Jonas Hannah
    //   Mateo      -    12   9     6     8      8
    //   Samir      1     -   7     3     6      8
    //   Mei        4     6   -     5     7      7
    //   Grace      2     4   4     -     6      5
    //   Jonas      1     1   2     0     -      5
    //   Hannah     0     0   0     0     0      -
    // Each row candidate beats every column candidate to its right head to head except Samir, who
    // loses to Grace 3:4; but Samir's path through Mei (min(7, 5) = 5) beats Grace's only path (4).
    // So Mateo > Samir > Mei > Grace > Jonas > Hannah. One seat per company:
    // Mateo (Quillfeather) seat 1; Samir (Quillfeather) skipped; Mei (none) seat 2; Grace (Copperleaf) seat 3.
    const matrix = Object.fromEntries(Object.entries(stored.pairwise).map(([a, row]) => [name.get(a), Object.fromEntries(Object.entries(row).map(([b, n]) => [name.get(b), n]))]));
    expect(matrix).toEqual({
      Mateo: { Samir: 12, Mei: 9, Grace: 6, Jonas: 8, Hannah: 8 },
      Samir: { Mateo: 1, Mei: 7, Grace: 3, Jonas: 6, Hannah: 8 },
      Mei: { Mateo: 4, Samir: 6, Grace: 5, Jonas: 7, Hannah: 7 },
      Grace: { Mateo: 2, Samir: 4, Mei: 4, Jonas: 6, Hannah: 5 },
      Jonas: { Mateo: 1, Samir: 1, Mei: 2, Grace: 0, Hannah: 5 },
      Hannah: { Mateo: 0, Samir: 0, Mei: 0, Grace: 0, Jonas: 0 },
    });
    expect(stored.ranking.map((t) => t.map((id) => name.get(id)))).toEqual([["Mateo"], ["Samir"], ["Mei"], ["Grace"], ["Jonas"], ["Hannah"]]);
    expect(stored.winners.map((id) => name.get(id))).toEqual(["Mateo", "Mei", "Grace"]);
    expect(stored.skippedForCap.map((s) => [name.get(s.candidate), s.seat])).toEqual([["Samir", 2]]);

    const ballots = await prisma.ballot.count({ where: { electionId: e.id } });
    const voted = await prisma.participation.count({ where: { electionId: e.id } });
    expect(ballots).toBe(voted);
    expect(stored.ballots).toBe(ballots);
    expect(stored.turnout.voted).toBe(voted);
  });

  it("stores ballots that say nothing about who cast them", async () => {
    const e = await demoElection("published");
    const ballots = await prisma.ballot.findMany({ where: { electionId: e.id } });
    const userIds = new Set((await prisma.user.findMany({ select: { id: true } })).map((u) => u.id));
    for (const b of ballots) {
      expect(b.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.receiptHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(b)).not.toMatch(new RegExp([...userIds].join("|")));
    }
  });

  it("records the officials' actions in a valid audit chain", async () => {
    const e = await demoElection("published");
    const actions = (await prisma.auditEntry.findMany({ where: { electionId: e.id }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["election.created", "official.appointed", "voting.closed", "election.tallied", "results.published"]));
    expect(actions.indexOf("election.tallied")).toBeLessThan(actions.indexOf("results.published"));
    // Other test files write to the same log, so check the seed's own entries:
    // each hashes to what it claims and chains onto an entry that exists.
    const all = await prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
    const hashes = new Set([GENESIS_HASH, ...all.map((a) => a.hash)]);
    const demo = await prisma.community.findMany({ where: { slug: { in: Object.values(DEMO_COMMUNITIES).map((c) => c.slug) } }, include: { elections: true } });
    const demoIds = new Set(demo.flatMap((c) => [c.id, ...c.elections.map((x) => x.id)]));
    const seeded = all.filter((a) => (a.electionId && demoIds.has(a.electionId)) || (a.communityId && demoIds.has(a.communityId)));
    // Every community's creation and admin appointment, every election's creation or import.
    expect(seeded.filter((a) => a.action === "community.admin-appointed")).toHaveLength(3);
    expect(seeded.filter((a) => a.action === "election.imported")).toHaveLength(1);
    for (const entry of seeded) {
      expect(entry.hash).toBe(auditEntryHash(entry));
      expect(hashes.has(entry.prevHash)).toBe(true);
    }
  });

  it("does nothing the second time", async () => {
    const before = await prisma.election.count();
    expect(await seedDemo(prisma)).toEqual({ seeded: false });
    expect(await seedDemo(prisma, { evenIfElectionsExist: true })).toEqual({ seeded: false });
    expect(await prisma.election.count()).toBe(before);
  });
});
