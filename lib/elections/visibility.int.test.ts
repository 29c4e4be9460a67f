import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { makeElection, makeOfficial } from "@/test/helpers/factories";
import { cancelElection } from "./cancel-election";
import { openElection } from "./open-election";
import { PUBLIC_ELECTION_WHERE } from "./visibility";

const isListed = async (id: string) => (await prisma.election.count({ where: { id, ...PUBLIC_ELECTION_WHERE } })) === 1;

describe("which elections the public sees", () => {
  it("a draft cancelled before it opened never becomes public", async () => {
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    expect(await isListed(e.id)).toBe(false);
    await cancelElection(official, { electionId: e.id, reason: "set up by mistake" });
    expect(await prisma.election.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ state: "CANCELLED", openedAt: null });
    expect(await isListed(e.id)).toBe(false);
  });

  it("opening records when, and an opened election stays public once cancelled", async () => {
    const e = await makeElection("draft");
    const official = await makeOfficial(e.id);
    const before = Date.now();
    await openElection(official, { electionId: e.id });
    const opened = await prisma.election.findUniqueOrThrow({ where: { id: e.id } });
    expect(opened.state).toBe("SCHEDULED");
    expect(opened.openedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await isListed(e.id)).toBe(true);
    await cancelElection(official, { electionId: e.id, reason: "withdrawn by the steering committee" });
    expect(await isListed(e.id)).toBe(true);
  });
});
