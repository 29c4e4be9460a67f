// Issue 6.11: read the log output of a whole small election — cast, replace,
// view, a refused view, close, tally — at the most verbose level, in a separate
// process like the server, and look for anything that pairs a voter with a ballot.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the logs never carry a voter together with a ballot", () => {
  it("at LOG_LEVEL=trace, a whole election's log lines hold no receipt, receipt hash, ballot id or ranking, and no line naming a voter names a candidate", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hustings-logs-"));
    const resultFile = path.join(dir, "result.json");
    const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/ballot-worker.ts", "journey", resultFile], {
      cwd: ROOT,
      env: { RECEIPT_SECRET: "test-receipt-secret-0123456789abcdef", ...process.env, LOG_LEVEL: "trace" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(0);
    const seen = JSON.parse(readFileSync(resultFile, "utf8")) as {
      electionId: string;
      candidates: string[];
      voters: string[];
      receipts: string[];
      receiptHashes: string[];
      ballotIds: string[];
      voterNames: string[];
    };
    rmSync(dir, { recursive: true, force: true });

    const lines = output.split("\n").filter(Boolean);
    // The run did log (the test is about what is in the lines, so there must be lines).
    expect(lines.some((l) => l.includes('"ballot cast"'))).toBe(true);
    expect(lines.some((l) => l.includes('"voting closed; ballot box shuffled"'))).toBe(true);
    expect(lines.some((l) => l.includes('"ballots moved into the box"'))).toBe(true);

    const ballotSecrets = [...seen.receipts, ...seen.receipts.map((r) => r.replace(/-/g, "")), ...seen.receiptHashes, ...seen.ballotIds];
    const voters = [...seen.voters, ...seen.voterNames];
    for (const line of lines) {
      for (const secret of ballotSecrets) expect(line, "a ballot secret in the logs").not.toContain(secret);
      expect(line).not.toMatch(/"ranking"/);
      if (voters.some((v) => line.includes(v))) {
        for (const c of seen.candidates) expect(line, "a voter and a candidate on one log line").not.toContain(c);
      }
    }
  });
});
