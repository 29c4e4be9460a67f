// A separate process that casts ballots through the real use cases, for the
// secrecy tests that kill it mid-flight or restart the database under it.
//   node --import tsx test/helpers/ballot-worker.ts setup <voters>      → prints {electionId, officialId, voters, candidates}
//   node --import tsx test/helpers/ballot-worker.ts cast <electionId> <voterId>...
//       casts (or, when a voter already voted and printed a receipt, replaces) in order, printing one JSON line per ballot;
//       a database error is retried, as a browser retries the same submission.
//   node --import tsx test/helpers/ballot-worker.ts close <electionId> <officialId>
//   node --import tsx test/helpers/ballot-worker.ts journey <result.json>
//       a whole small election (cast, replace, view, close, tally), writing what it saw to the file, so that
//       standard output holds nothing but the application's own log lines
// DATABASE_URL and RECEIPT_SECRET come from the environment.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { castBallot } from "@/lib/ballots/cast-ballot";
import { writeFileSync } from "node:fs";
import { closeVoting } from "@/lib/elections/close-voting";
import { tallyElection } from "@/lib/elections/tally-election";
import { replaceBallot } from "@/lib/ballots/replace-ballot";
import { viewBallot } from "@/lib/ballots/view-ballot";
import { closeRateLimitStore } from "@/lib/rate-limit";
import type { Actor } from "@/lib/auth/actor";
import { rankingFor } from "./worker-ranking";
import { scheduleFor } from "./schedule";

const H = 3600_000;

async function actor(id: string): Promise<Actor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { id } });
  return { id: u.id, name: u.name, email: u.email, githubLogin: u.githubLogin, isAdmin: false };
}

async function setup(voters: number) {
  const now = Date.now();
  const tag = randomUUID().slice(0, 8);
  const community = await prisma.community.create({ data: { slug: `worker-${tag}`, name: "Worker community" } });
  const e = await prisma.election.create({
    data: {
      communityId: community.id,
      slug: `worker-${tag}`,
      title: "Worker election",
      seats: 1,
      state: "SCHEDULED",
      openedAt: new Date(now - 4 * 24 * H),
      ...scheduleFor("voting"),
    },
  });
  const official = await prisma.user.create({ data: { githubLogin: `official-${tag}`, name: "Official" } });
  await prisma.official.create({ data: { electionId: e.id, userId: official.id } });
  const candidates: string[] = [];
  for (const name of ["Ann", "Ben", "Cat", "Dov"]) {
    const c = await prisma.candidacy.create({ data: { electionId: e.id, displayName: name, email: `${name}-${tag}@example.org`, statement: "I stand.", status: "ACCEPTED" } });
    candidates.push(c.id);
  }
  const ids: string[] = [];
  for (let i = 0; i < voters; i++) {
    const login = `voter-${tag}-${i}`;
    const u = await prisma.user.create({ data: { githubLogin: login, email: `${login}@example.org`, name: login } });
    await prisma.electorateEntry.create({ data: { electionId: e.id, githubLogin: login, email: `${login}@example.org` } });
    ids.push(u.id);
  }
  console.log(JSON.stringify({ electionId: e.id, officialId: official.id, voters: ids, candidates }));
}

async function cast(electionId: string, voterIds: string[]) {
  const candidates = (await prisma.candidacy.findMany({ where: { electionId }, orderBy: { displayName: "asc" } })).map((c) => c.id);
  for (const voterId of voterIds) {
    const submissionId = `worker-${voterId}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const who = await actor(voterId);
        const index = Number(who.githubLogin?.split("-").at(-1));
        const r = await castBallot(who, { electionId, ranking: rankingFor(index, candidates), submissionId });
        console.log(JSON.stringify({ voterId, receipt: r.receipt }));
        break;
      } catch (error) {
        if (attempt > 50 || (error as { status?: number }).status) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}

async function journey(resultFile: string) {
  const out: string[] = [];
  const capture = console.log;
  console.log = (line: string) => out.push(line);
  await setup(4);
  console.log = capture;
  const info = JSON.parse(out[0]) as { electionId: string; officialId: string; voters: string[]; candidates: string[] };
  const receipts: string[] = [];
  for (const [i, voterId] of info.voters.entries()) {
    const r = await castBallot(await actor(voterId), { electionId: info.electionId, ranking: rankingFor(i, info.candidates) });
    receipts.push(r.receipt);
  }
  const first = await actor(info.voters[0]);
  const replaced = await replaceBallot(first, { electionId: info.electionId, receipt: receipts[0], ranking: [[info.candidates[3]], [info.candidates[1]]] });
  const seen = await viewBallot(first, { electionId: info.electionId, receipt: replaced.receipt });
  // A refusal too: its message must not quote the ballot either.
  await viewBallot(await actor(info.voters[1]), { electionId: info.electionId, receipt: replaced.receipt }).catch(() => undefined);
  await closeVoting(await actor(info.officialId), { electionId: info.electionId });
  await tallyElection(await actor(info.officialId), { electionId: info.electionId });
  const users = await prisma.user.findMany({ where: { id: { in: info.voters } } });
  const ballotIds = (await prisma.ballot.findMany({ where: { electionId: info.electionId }, select: { id: true } })).map((b) => b.id);
  writeFileSync(
    resultFile,
    JSON.stringify({
      ...info,
      receipts: [...receipts, replaced.receipt],
      receiptHashes: [seen.receiptHash, ...(await prisma.ballot.findMany({ where: { electionId: info.electionId } })).map((b) => b.receiptHash)],
      ballotIds,
      voterNames: users.flatMap((u) => [u.githubLogin, u.email].filter((x): x is string => !!x)),
    }),
  );
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === "setup") await setup(Number(args[0]));
  else if (command === "cast") await cast(args[0], args.slice(1));
  else if (command === "journey") await journey(args[0]);
  else if (command === "close") console.log(JSON.stringify(await closeVoting(await actor(args[1]), { electionId: args[0] })));
  else throw new Error(`unknown command ${command}`);
}

main()
  .then(async () => {
    await closeRateLimitStore();
    await prisma.$disconnect();
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
