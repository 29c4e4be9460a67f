import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "./import-error";
import { buildKataElection, isDeclarationFile, parseKataFolder, parseKataReadme, parseKataSchedule } from "./parse-kata-folder";

const folder = join(import.meta.dirname, "..", "..", "test", "fixtures", "import", "kata-2030-01");

describe("parseKataFolder", () => {
  it("reads title, seats, schedule and every declaration, skipping README and results files", async () => {
    const election = await parseKataFolder(folder);
    expect(election.title).toBe("Architecture Committee Elections: January 2030");
    expect(election.seats).toBe(2);
    expect(election.schedule).toEqual({
      // Opening in December of the year before the closing date.
      nominationsOpen: "2029-12-30T15:00:00.000Z",
      nominationsClose: "2030-01-06T14:59:00.000Z",
      campaignClose: "2030-01-13T14:59:00.000Z",
      votingOpen: "2030-01-14T15:00:00.000Z",
      votingClose: "2030-01-20T14:59:00.000Z",
    });
    expect(election.candidates.map((c) => c.sourceFile)).toEqual(["AdaQuill.txt", "BoLindqvist.txt", "cmorrow.md"]);
    expect(election.candidates.map((c) => c.name)).toEqual(["Ada Quill", "Bo Lindqvist", "Cleo Morrow"]);
  });

  it("reports a missing folder as an ImportError naming it", async () => {
    await expect(parseKataFolder(join(folder, "nope"))).rejects.toThrow(ImportError);
    await expect(parseKataFolder(join(folder, "nope"))).rejects.toThrow(/nope: cannot read the election folder \(no such folder\)/);
  });

  it("reports a folder without README.md", async () => {
    await expect(parseKataFolder(join(folder, "..", "declarations"))).rejects.toThrow(/no README\.md/);
  });
});

describe("parseKataReadme", () => {
  it("accepts digits, singular seats and compact times", () => {
    const r = parseKataReadme(
      "# Steering: May 2031\n\nThere is 1 seat up for election.\n\n- May 1, 0900 UTC - May 8, 2031 0859 UTC: Candidate nominations open\n",
      "steering-2031",
    );
    expect(r.seats).toBe(1);
    expect(r.schedule.nominationsOpen).toBe("2031-05-01T09:00:00.000Z");
    expect(r.schedule.nominationsClose).toBe("2031-05-08T08:59:00.000Z");
    expect(r.schedule.votingOpen).toBeNull();
    expect(r.schedule.campaignClose).toBeNull();
  });

  it("reads 'September, 12 1500 UTC' and ignores lines that are not ranges", () => {
    const s = parseKataSchedule(
      [
        "* September 3, 2031, elections officials confirmed: @someone",
        "* September, 12 1500 UTC - September 20, 2031 14:59 UTC: Q&A/Debate period",
        "Voting: September 21 - September 28",
        "* Week of September 30, 2031, results announced",
      ].join("\n"),
      null,
    );
    expect(s.campaignClose).toBe("2031-09-20T14:59:00.000Z");
    expect(s.votingOpen).toBeNull();
  });

  it("takes the year from the title when no range gives one", () => {
    const r = parseKataReadme(
      "# Elections: March 2032\n\nThere are three seats.\n\n* March 1, 15:00 UTC - March 8, 14:59 UTC: Voting open\n",
      "x",
    );
    expect(r.schedule.votingOpen).toBe("2032-03-01T15:00:00.000Z");
  });

  it("refuses a README without a seat count", () => {
    expect(() => parseKataReadme("# Elections\n\nNo numbers here.", "folder-x")).toThrow(/folder-x\/README\.md: cannot find the number of seats/);
  });
});

describe("declaration file selection", () => {
  it("skips README, results and non-text files", () => {
    expect(["JaneDoe.txt", "jdoe.md", "README.md", "Readme.txt", "Results.md", "2018-09-Results.txt", "photo.png", ".hidden.txt"].filter(isDeclarationFile)).toEqual([
      "JaneDoe.txt",
      "jdoe.md",
    ]);
  });

  it("builds an election from in-memory files", () => {
    const e = buildKataElection("f", "# T\n\nThere are two seats.", [
      { name: "ZedExample.txt", text: "Name: Zed Example\nEmail: zed@example.com\n" },
      { name: "Results.md", text: "ignored" },
      { name: "AmyExample.txt", text: "Name: Amy Example\nEmail: amy@example.com\n" },
    ]);
    expect(e.candidates.map((c) => c.name)).toEqual(["Amy Example", "Zed Example"]);
  });
});
