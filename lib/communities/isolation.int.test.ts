// Isolation between communities (issue 7, point 7). Two communities, A and B,
// each with an admin, an election with its official, and voters. Every
// community-admin and official use case is tried on A's things by people who
// hold roles elsewhere (B's admin, B's official, A's voter, an instance admin not
// named in A, anonymous, and the A role that is not the one the use case
// needs): each is refused with 403 and the database is unchanged. Then the
// rightful person does the same call and it succeeds, so the refusals were
// about the person and not about the election's phase.
// The table must name every file under the use-case folders (or say why it is
// not an admin or official action), so a new use case cannot be forgotten here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { exportBallots } from "@/lib/ballots/export-ballots";
import { reviewCandidacy } from "@/lib/candidacies/review-candidacy";
import { appointOfficial } from "@/lib/elections/appoint-official";
import { cancelElection } from "@/lib/elections/cancel-election";
import { closeVoting } from "@/lib/elections/close-voting";
import { createElection } from "@/lib/elections/create-election";
import { declareElectedUnopposed } from "@/lib/elections/declare-elected-unopposed";
import { importKataElection } from "@/lib/elections/import-kata-election";
import { openElection } from "@/lib/elections/open-election";
import { publishResults } from "@/lib/elections/publish-results";
import { removeOfficial } from "@/lib/elections/remove-official";
import { tallyElection } from "@/lib/elections/tally-election";
import { updateElectionSchedule } from "@/lib/elections/update-election-schedule";
import { updateElectionSettings } from "@/lib/elections/update-election-settings";
import { decideException } from "@/lib/electorate/decide-exception";
import { importElectorate } from "@/lib/electorate/import-electorate";
import { removeElectorateEntry } from "@/lib/electorate/remove-electorate-entry";
import { ForbiddenError } from "@/lib/errors";
import { Prisma, type Community, type Election } from "@/lib/generated/prisma/client";
import { revokeSessions } from "@/lib/sessions/revoke-sessions";
import {
  dbDigest,
  expectRefused,
  makeAdmin,
  makeCandidate,
  makeCommunity,
  makeCommunityAdmin,
  makeElection,
  makeOfficial,
  makeUser,
  makeVoter,
  uniq,
  type TestPhase,
} from "@/test/helpers/factories";
import { appointCommunityAdmin } from "./appoint-community-admin";
import { createCommunity } from "./create-community";
import { removeCommunityAdmin } from "./remove-community-admin";
import { updateCommunity } from "./update-community";
import { setCommunityLogo } from "./set-community-logo";

/** Who may call the use case. */
type Role =
  | "official" // of the election
  | "community admin" // of the election's community
  | "official or community admin"
  | "community admin or instance admin"
  | "instance admin";

interface World {
  a: Community;
  b: Community;
  adminA: Actor;
  adminB: Actor;
  officialB: Actor;
  instanceAdmin: Actor;
}

/** Community A's election the row acts on, its official, and what `prepare` made. */
interface Target {
  election: Election;
  official: Actor;
  id: string;
}

interface Row {
  /** The use case's file, from the repository root. */
  file: string;
  role: Role;
  phase: TestPhase;
  /** Makes what the call acts on (a declaration, a request, …); its id is `t.id`. */
  prepare?: (w: World, e: Election, official: Actor) => Promise<string>;
  call: (actor: Actor | null, t: Target, w: World) => Promise<unknown>;
  /** Returns text and writes nothing, even for the rightful person. */
  readOnly?: true;
}

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(Date.now() + days * DAY);

const ROWS: Row[] = [
  // Community admins.
  { file: "lib/elections/create-election.ts", role: "community admin", phase: "draft", call: (who, _t, w) => createElection(who, { communityId: w.a.id, title: uniq("Isolation") }) },
  {
    file: "lib/elections/import-kata-election.ts",
    role: "community admin",
    phase: "draft",
    call: (who, _t, w) =>
      importKataElection(
        { title: uniq("Kata isolation"), seats: 1, schedule: { nominationsOpen: null, nominationsClose: null, campaignClose: null, votingOpen: null, votingClose: null }, candidates: [] },
        { communityId: w.a.id, actor: who },
      ),
  },
  {
    file: "lib/elections/appoint-official.ts",
    role: "community admin",
    phase: "draft",
    prepare: async () => (await makeUser()).githubLogin!,
    call: (who, t) => appointOfficial(who, { electionId: t.election.id, login: t.id }),
  },
  { file: "lib/elections/remove-official.ts", role: "community admin", phase: "voting", call: (who, t) => removeOfficial(who, { electionId: t.election.id, userId: t.official.id }) },
  { file: "lib/elections/cancel-election.ts", role: "official or community admin", phase: "voting", call: (who, t) => cancelElection(who, { electionId: t.election.id, reason: "isolation test" }) },
  { file: "lib/communities/update-community.ts", role: "community admin or instance admin", phase: "draft", call: (who, _t, w) => updateCommunity(who, { communityId: w.a.id, name: uniq("Renamed") }) },
  {
    file: "lib/communities/set-community-logo.ts",
    role: "community admin or instance admin",
    phase: "draft",
    // A PNG signature with a different tail each time, so the rightful upload always changes the row.
    call: (who, _t, w) => setCommunityLogo(who, { communityId: w.a.id, logo: Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.from(uniq("png"))]) }),
  },
  // Instance admins.
  { file: "lib/communities/create-community.ts", role: "instance admin", phase: "draft", call: (who) => createCommunity(who, { slug: uniq("iso"), name: "Isolation" }) },
  {
    file: "lib/communities/appoint-community-admin.ts",
    role: "instance admin",
    phase: "draft",
    prepare: async () => (await makeUser()).githubLogin!,
    call: (who, t, w) => appointCommunityAdmin(who, { communityId: w.a.id, login: t.id }),
  },
  {
    file: "lib/communities/remove-community-admin.ts",
    role: "instance admin",
    phase: "draft",
    prepare: async (w) => (await makeCommunityAdmin(w.a.id)).id,
    call: (who, t, w) => removeCommunityAdmin(who, { communityId: w.a.id, userId: t.id }),
  },
  { file: "lib/sessions/revoke-sessions.ts", role: "instance admin", phase: "draft", call: (who, t) => revokeSessions(who, { login: t.official.githubLogin! }) },
  // Officials of the election.
  { file: "lib/elections/update-election-settings.ts", role: "official", phase: "draft", call: (who, t) => updateElectionSettings(who, { electionId: t.election.id, title: "Taken over", seats: 2 }) },
  {
    file: "lib/elections/update-election-schedule.ts",
    role: "official",
    phase: "draft",
    call: (who, t) => updateElectionSchedule(who, { electionId: t.election.id, nominationsOpenAt: at(1), nominationsCloseAt: at(2), votingOpenAt: at(3), votingCloseAt: at(4) }),
  },
  { file: "lib/elections/open-election.ts", role: "official", phase: "draft", call: (who, t) => openElection(who, { electionId: t.election.id }) },
  {
    file: "lib/electorate/remove-electorate-entry.ts",
    role: "official",
    phase: "nominations",
    prepare: async (_w, e) => {
      const voter = await makeVoter(e.id);
      return (await prisma.electorateEntry.findFirstOrThrow({ where: { electionId: e.id, githubLogin: voter.githubLogin } })).id;
    },
    call: (who, t) => removeElectorateEntry(who, { electionId: t.election.id, entryId: t.id }),
  },
  { file: "lib/electorate/import-electorate.ts", role: "official", phase: "nominations", call: (who, t) => importElectorate(who, { electionId: t.election.id, text: "login,email,name\nmallory,,Mallory\n", mode: "replace" }) },
  {
    file: "lib/candidacies/review-candidacy.ts",
    role: "official",
    phase: "nominations",
    prepare: async (_w, e) => (await makeCandidate(e.id, { status: "SUBMITTED" })).id,
    call: (who, t) => reviewCandidacy(who, { candidacyId: t.id, decision: "accept" }),
  },
  {
    file: "lib/electorate/decide-exception.ts",
    role: "official",
    phase: "nominations",
    prepare: async (_w, e) => {
      const member = await makeUser();
      return (await prisma.exceptionRequest.create({ data: { electionId: e.id, userId: member.id, reason: "I maintain the docs" } })).id;
    },
    call: (who, t) => decideException(who, { requestId: t.id, grant: true, note: "granted" }),
  },
  { file: "lib/elections/close-voting.ts", role: "official", phase: "ended", call: (who, t) => closeVoting(who, { electionId: t.election.id }) },
  {
    file: "lib/elections/tally-election.ts",
    role: "official",
    phase: "closed",
    prepare: async (_w, e) => {
      await makeCandidate(e.id);
      return (await makeCandidate(e.id)).id;
    },
    call: (who, t) => tallyElection(who, { electionId: t.election.id }),
  },
  {
    file: "lib/elections/publish-results.ts",
    role: "official",
    phase: "closed",
    prepare: async (_w, e, official) => {
      await makeCandidate(e.id);
      await makeCandidate(e.id);
      await tallyElection(official, { electionId: e.id });
      return e.id;
    },
    call: (who, t) => publishResults(who, { electionId: t.election.id }),
  },
  {
    file: "lib/elections/declare-elected-unopposed.ts",
    role: "official",
    phase: "campaign",
    prepare: async (_w, e) => (await makeCandidate(e.id)).id,
    call: (who, t) => declareElectedUnopposed(who, { electionId: t.election.id }),
  },
  // Before publication only officials may export; after it, anyone when ballots are published.
  { file: "lib/ballots/export-ballots.ts", role: "official", phase: "closed", readOnly: true, call: (who, t) => exportBallots(who, { electionId: t.election.id, format: "json" }) },
];

/** Files under the use-case folders that are not a community-admin, instance-admin or official action, and why. */
const NOT_ACTIONS: Record<string, string> = {
  "lib/elections/election-input.ts": "builds the tally's input inside tally and export; no actor",
  "lib/elections/find-election.ts": "a lookup used inside use cases after they authorize",
  "lib/elections/parse-input.ts": "zod helper",
  "lib/elections/phase.ts": "pure: the phase from a schedule",
  "lib/elections/settings-lock.ts": "pure: whether voting has started",
  "lib/elections/lifecycle-rules.ts": "pure: why a step cannot happen now; the use cases enforce it after they authorize",
  "lib/elections/lifecycle-checklist.ts": "pure: the dashboard's checklist from a few counts",
  "lib/elections/checklist-facts.ts": "reads the checklist's counts for a dashboard page, after its guard (loadManagedElection)",
  "lib/elections/slug.ts": "pure: slugify",
  "lib/elections/visibility.ts": "who may see an election; lib/elections/visibility.int.test.ts tries it across communities",
  "lib/electorate/check-eligibility.ts": "reads whether the caller themselves is on the roll",
  "lib/electorate/request-exception.ts": "a member's own request to vote; any signed-in member not on the roll",
  "lib/electorate/withdraw-exception.ts": "only the request's own author (lib/electorate/exception-requests.int.test.ts tries another member)",
  "lib/candidacies/fields.ts": "zod fields of a declaration",
  "lib/candidacies/submit-candidacy.ts": "a member's own declaration; any signed-in member but the election's officials",
  "lib/candidacies/edit-candidacy.ts": "only the declaration's own author",
  "lib/candidacies/withdraw-candidacy.ts": "only the declaration's own author",
  "lib/candidacies/claim-candidacy.ts": "only the member the imported declaration names",
  "lib/ballots/cast-ballot.ts": "a voter's own ballot (ballots.int.test.ts tries everyone else)",
  "lib/ballots/replace-ballot.ts": "a voter's own ballot, with its receipt",
  "lib/ballots/view-ballot.ts": "a voter's own ballot, with its receipt",
  "lib/ballots/flush-ballots.ts": "system step after each cast; takes no actor",
  "lib/ballots/shuffle-ballot-box.ts": "runs inside closeVoting, which authorizes",
  "lib/ballots/ballot-box.ts": "reads sealed ballots inside use cases",
  "lib/ballots/voting-window.ts": "checks inside cast and replace",
  "lib/ballots/ranking.ts": "pure: ranking rules",
  "lib/ballots/receipt.ts": "pure: receipt codes and hashes",
  "lib/ballots/sealed-ballot.ts": "pure: sealing pending ballots",
  "lib/ballots/shuffle.ts": "pure: a cryptographic shuffle",
  "lib/ballots/candidate-order.ts": "pure: the order a voter sees the candidates in",
  "lib/people/pending-actions.ts": "reads only the caller's own items (lib/people/pending-actions.int.test.ts tries another person)",
  "lib/people/elections-you-run.ts": "reads only the elections the caller is an official of",
  "lib/communities/community-input.ts": "zod fields of a community",
  "lib/communities/logo-image.ts": "pure: which bytes may be a logo",
  "lib/communities/committee-members.ts": "pure: a community's current committees from published results",
  "lib/communities/election-groups.ts": "pure: open, upcoming, past and cancelled",
  "lib/communities/summary.ts": "pure: one plain line of a description",
  "lib/electorate/open-elections-for-voter.ts": "read model: the caller's own open elections; writes nothing",
};

const USE_CASE_FOLDERS = ["lib/elections", "lib/electorate", "lib/candidacies", "lib/communities", "lib/ballots", "lib/sessions", "lib/people"];

let w: World;

beforeAll(async () => {
  const a = await makeCommunity({ name: "Community A" });
  const b = await makeCommunity({ name: "Community B" });
  const electionB = await makeElection("voting", { communityId: b.id });
  w = {
    a,
    b,
    adminA: await makeCommunityAdmin(a.id),
    adminB: await makeCommunityAdmin(b.id),
    officialB: await makeOfficial(electionB.id),
    instanceAdmin: await makeAdmin(),
  };
  // B's people are also voters in B: a role of their own that must not carry over.
  await prisma.electorateEntry.create({ data: { electionId: electionB.id, githubLogin: w.adminB.githubLogin, source: "import" } });
});

/** Everyone who must be refused the row's call on A's things. */
async function attackersOf(row: Row, t: Target): Promise<[string, Actor | null][]> {
  const list: [string, Actor | null][] = [
    ["the admin of community B", w.adminB],
    ["an official of B's election", w.officialB],
    ["a voter of A's election", await makeVoter(t.election.id)],
    ["anonymous", null],
  ];
  if (!row.role.includes("instance admin")) list.push(["an instance admin not named in A", w.instanceAdmin]);
  if (row.role === "official" || row.role === "instance admin") list.push(["the admin of community A (not an official)", w.adminA]);
  if (row.role === "community admin" || row.role === "community admin or instance admin" || row.role === "instance admin") list.push(["the official of A's election", t.official]);
  return list;
}

function rightful(row: Row, t: Target): Actor {
  if (row.role === "official") return t.official;
  if (row.role === "instance admin") return w.instanceAdmin;
  return w.adminA;
}

describe("isolation: every admin and official action on community A's things", () => {
  it.each(ROWS.map((r) => [path.basename(r.file, ".ts"), r.role, r] as const))("%s (%s): refused to everyone else, nothing changed; allowed to the rightful person", async (_name, _role, row) => {
    const election = await makeElection(row.phase, { communityId: w.a.id, seats: 1 });
    const official = await makeOfficial(election.id);
    const id = row.prepare ? await row.prepare(w, election, official) : "";
    const t: Target = { election, official, id };
    const attackers = await attackersOf(row, t);
    expect(attackers.length).toBeGreaterThanOrEqual(5);
    for (const [who, actor] of attackers) {
      await expectRefused(() => row.call(actor, t, w), ForbiddenError).catch((e: unknown) => {
        throw new Error(`${who}: ${e instanceof Error ? e.message : String(e)}`);
      });
    }
    const before = await dbDigest();
    const result = await row.call(rightful(row, t), t, w);
    if (row.readOnly) expect(result).toEqual(expect.any(String));
    else expect(await dbDigest()).not.toEqual(before);
  });

  it("the digest that proves \"nothing changed\" covers every table of the schema", async () => {
    expect(Object.keys(await dbDigest()).sort()).toEqual(expect.arrayContaining(Object.values(Prisma.ModelName).sort()));
  });

  it("the table names every file under the use-case folders, or says why it is not an admin or official action", () => {
    const files = USE_CASE_FOLDERS.flatMap((dir) =>
      readdirSync(path.resolve(dir))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => `${dir}/${f}`),
    );
    const named = new Set([...ROWS.map((r) => r.file), ...Object.keys(NOT_ACTIONS)]);
    expect(files.filter((f) => !named.has(f)), "use cases missing from the isolation table").toEqual([]);
    // And nothing named that does not exist (a renamed file must be renamed here too).
    expect([...named].filter((f) => !files.includes(f)), "entries naming no file").toEqual([]);
    expect(ROWS.filter((r) => r.file in NOT_ACTIONS).map((r) => r.file), "in both lists").toEqual([]);
  });
});
