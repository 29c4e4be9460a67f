import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { requestException } from "@/lib/electorate/request-exception";
import { importElectorate } from "@/lib/electorate/import-electorate";
import { makeCandidate, makeElection, makeOfficial, makeUser, makeVoter } from "@/test/helpers/factories";
import { checklistFacts } from "./checklist-facts";
import { declareElectedUnopposed } from "./declare-elected-unopposed";
import { lifecycleChecklist } from "./lifecycle-checklist";

const statusOf = async (electionId: string) => {
  const election = await prisma.election.findUniqueOrThrow({ where: { id: electionId } });
  const steps = lifecycleChecklist(await checklistFacts(prisma, election, new Date()));
  return Object.fromEntries(steps.map((s) => [s.key, { status: s.status, missing: s.missing }]));
};

describe("checklistFacts, read from the database, drive the checklist", () => {
  it("counts declarations by status, the roll and pending exception requests of this election only", async () => {
    const e = await makeElection("nominations", { seats: 2 });
    const other = await makeElection("nominations");
    await Promise.all([
      makeCandidate(e.id, { status: "SUBMITTED" }),
      makeCandidate(e.id, { status: "SUBMITTED" }),
      makeCandidate(e.id, { status: "ACCEPTED", name: "Ann", affiliation: "Acme" }),
      makeCandidate(e.id, { status: "REJECTED" }),
      makeCandidate(other.id, { status: "SUBMITTED" }),
      makeVoter(e.id),
      makeVoter(other.id),
    ]);
    await requestException(await makeUser(), { electionId: e.id, reason: "I maintain the docs." });
    await requestException(await makeUser(), { electionId: other.id, reason: "Me too." });

    const election = await prisma.election.findUniqueOrThrow({ where: { id: e.id } });
    const facts = await checklistFacts(prisma, election, new Date());
    expect(facts).toMatchObject({
      candidacies: { submitted: 2, rejected: 1, withdrawn: 0, accepted: [{ name: "Ann", affiliation: "Acme" }] },
      pendingExceptions: 1,
      electorate: 1,
      participations: 0,
      ballots: 0,
      result: null,
    });
    const steps = await statusOf(e.id);
    expect(steps.nominations).toMatchObject({ status: "next" });
    expect(steps.nominations.missing[0]).toBe("2 nominations await review.");
    expect(steps.exceptions).toMatchObject({ status: "waiting", missing: ["1 exception request awaits a decision."] });
  });

  it("an electorate import through the use case turns the electorate step from next to done", async () => {
    const e = await makeElection("upcoming");
    await prisma.election.update({ where: { id: e.id }, data: { description: "Described." } });
    const official = await makeOfficial(e.id);
    expect((await statusOf(e.id)).electorate).toMatchObject({ status: "next", missing: ["No electorate imported yet."] });
    await importElectorate(official, { electionId: e.id, text: "login,email,name\nalice,alice@example.org,Alice\nbob,bob@example.org,Bob", mode: "add" });
    expect((await statusOf(e.id)).electorate).toMatchObject({ status: "done", missing: [] });
  });

  it("a declaration of unopposed candidates, stored by its use case, skips the vote, tally and review", async () => {
    const e = await makeElection("campaign", { seats: 2 });
    const official = await makeOfficial(e.id);
    await makeVoter(e.id);
    await makeCandidate(e.id, { status: "ACCEPTED", affiliation: "Acme" });
    const before = await statusOf(e.id);
    expect(before.close.status).toBe("next");
    expect(before.close.missing.at(-1)).toBe("Or declare the 1 accepted candidate elected unopposed: there are no more than seats.");

    await declareElectedUnopposed(official, { electionId: e.id });
    const after = await statusOf(e.id);
    expect(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v.status]))).toMatchObject({
      close: "skipped",
      tally: "skipped",
      review: "skipped",
      publish: "done",
    });
    expect(Object.values(after).some((s) => s.status === "next")).toBe(false);
  });
});
