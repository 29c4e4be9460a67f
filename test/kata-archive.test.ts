// Imports every real Kata Containers election folder from the shared archive (kept
// outside the repository) and checks the parsers understand each one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sharedDataPresent } from "./helpers/shared-data";
import { parseKataFolder } from "../lib/import/parse-kata-folder";
import { nameFromFilename, parseKataDeclaration } from "../lib/import/parse-kata-declaration";

const shared = join(import.meta.dirname, "..", "..", "shared");
const archive = join(shared, "kata-elections");
const seed = join(shared, "seed", "000_34dfd918694e5eff.txt");
const present = sharedDataPresent(archive, "the Kata election archive") && sharedDataPresent(seed, "the Kata seed declaration");

const folders = present ? readdirSync(archive).filter((d) => /^arch-committee-\d{4}-\d{2}$/.test(d)).sort() : [];
const isEmail = (s: string | null) => s !== null && z.email().safeParse(s).success;
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const words = (s: string) => new Set(fold(s).split(/\s+/));

// Declarations the archive itself leaves incomplete; everything else must be whole.
const KNOWN_WITHOUT_EMAIL = new Set(["arch-committee-2026-04/SteveHorsman.md"]);
// File names using a nickname: "Dave" for "David Alan Gilbert".
const NICKNAME_FILES = new Set(["DaveGilbert.txt"]);

describe.skipIf(!present)("Kata election archive (../shared/kata-elections)", () => {
  it("has the sixteen election folders", () => {
    expect(folders).toHaveLength(16);
  });

  describe.each(folders)("%s", (folder) => {
    it("parses seats, schedule and every candidate", async () => {
      const election = await parseKataFolder(join(archive, folder));
      expect(Number.isInteger(election.seats) && election.seats > 0).toBe(true);
      expect(election.title).toMatch(/Architecture Committee Elections/);
      const s = election.schedule;
      for (const value of [s.nominationsOpen, s.nominationsClose, s.campaignClose, s.votingOpen, s.votingClose]) {
        expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
      }
      expect(s.nominationsOpen! < s.nominationsClose! && s.nominationsClose! < s.votingOpen! && s.votingOpen! < s.votingClose!).toBe(true);
      expect(s.votingClose!.slice(0, 4)).toBe(folder.slice(15, 19));

      expect(election.candidates.length).toBeGreaterThan(0);
      for (const c of election.candidates) {
        const id = `${folder}/${c.sourceFile}`;
        expect(c.name.trim(), id).not.toBe("");
        expect(c.name, id).not.toMatch(/[@<>[\]()*]|https?:/);
        if (KNOWN_WITHOUT_EMAIL.has(id)) {
          expect(c.email, id).toBeNull();
          expect(c.githubLogin, id).not.toBeNull();
        } else {
          expect(isEmail(c.email), `${id}: ${c.email}`).toBe(true);
        }
        for (const e of c.emails) expect(isEmail(e), `${id}: ${e}`).toBe(true);
        expect(c.statement.length, id).toBeGreaterThan(100);

        const fromFile = nameFromFilename(c.sourceFile);
        if (fromFile === null) {
          // A lower-case file name is the candidate's GitHub login.
          expect(c.githubLogin?.toLowerCase(), id).toBe(c.sourceFile.replace(/\.[^.]+$/, "").toLowerCase());
        } else if (NICKNAME_FILES.has(c.sourceFile)) {
          expect(words(c.name).has(fold(fromFile.split(" ").at(-1)!)), id).toBe(true);
        } else {
          // Word order may differ ("PengTao.txt" declares "Peng, Tao" → "Tao Peng").
          expect(words(c.name), id).toEqual(words(fromFile));
        }
      }
    });
  });

  it("reads the seed declaration as Kaly Xin <Kaly.Xin@arm.com>, platform Arm", () => {
    const d = parseKataDeclaration(readFileSync(seed, "utf8"), "000_34dfd918694e5eff.txt");
    expect(d.name).toBe("Kaly Xin");
    expect(d.email).toBe("Kaly.Xin@arm.com");
    expect(d.platform).toBe("Arm");
    expect(d.affiliation).toMatch(/^Arm\b/);
    expect(d.statement).not.toMatch(/^Platform:|^Candidate:/m);
  });
});
