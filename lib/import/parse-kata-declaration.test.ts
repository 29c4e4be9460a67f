import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "./import-error";
import { cleanName, extractEmails, nameFromFilename, parseKataDeclaration } from "./parse-kata-declaration";
import { organisationForEmail } from "./email-affiliation";

const fixtures = join(import.meta.dirname, "..", "..", "test", "fixtures", "import");
const read = (...parts: string[]) => readFileSync(join(fixtures, ...parts), "utf8");

describe("parseKataDeclaration", () => {
  it("reads the Name:/Email: layout and infers the affiliation from the email domain", () => {
    const d = parseKataDeclaration(read("kata-2030-01", "AdaQuill.txt"), "AdaQuill.txt");
    expect(d).toMatchObject({
      name: "Ada Quill",
      email: "ada.quill@arm.com",
      emails: ["ada.quill@arm.com"],
      githubLogin: null,
      affiliation: "Arm",
      affiliationInferred: true,
      platform: null,
      sourceFile: "AdaQuill.txt",
      warnings: [],
    });
    expect(d.statement).toBe(
      "Background:\n\nI maintain the imaginary hypervisor shim in this fictional project.\nI would like to keep doing so on the committee.",
    );
  });

  it("reads the Candidate: Name <email> layout with Platform: and an explicit employer sentence", () => {
    const d = parseKataDeclaration(read("kata-2030-01", "BoLindqvist.txt"), "BoLindqvist.txt");
    expect(d).toMatchObject({
      name: "Bo Lindqvist",
      email: "bo@example.org",
      platform: "RISC-V",
      affiliation: "Fictional Silicon Ltd.",
      affiliationInferred: false,
    });
    // The title line and the header fields are not part of the statement; the prose is kept whole.
    expect(d.statement.startsWith("I'm working for Fictional Silicon Ltd.\nThis candidacy")).toBe(true);
    expect(d.statement).not.toMatch(/Candidacy Declaration|Platform:|Candidate:/);
  });

  it("reads the Markdown layout: GitHub link in the name, emails as a list, empty sections dropped", () => {
    const d = parseKataDeclaration(read("kata-2030-01", "cmorrow.md"), "cmorrow.md");
    expect(d).toMatchObject({
      name: "Cleo Morrow",
      githubLogin: "cmorrow",
      email: "cleo@example.net",
      emails: ["cleo@example.net", "cleo.morrow@gmail.com"],
      affiliation: null,
      affiliationInferred: false,
    });
    expect(d.statement).toBe("## Candidacy\n\n### Who I am\n\nA made-up contributor who writes **Markdown**.");
  });

  it("copes with CRLF, a leading ---, upper-case keys, a non-breaking space, 'Last, First' and an obfuscated email", () => {
    const d = parseKataDeclaration(read("declarations", "DanaOkafor.txt"), "DanaOkafor.txt");
    expect(d).toMatchObject({
      name: "Dana Okafor",
      email: "dana.okafor@example.com",
      affiliation: "Nonexistent Widgets Inc",
      affiliationInferred: false,
    });
    expect(d.statement).toBe("Background\nI write fictional fixtures.\n\nI would bring tests to the committee.");
  });

  it("falls back to the file name for the name, reads a GitHub: line and keeps every address", () => {
    const d = parseKataDeclaration(read("declarations", "EliasVance.txt"), "EliasVance.txt");
    expect(d).toMatchObject({
      name: "Elias Vance",
      email: "elias@example.com",
      emails: ["elias@example.com", "elias.vance@intel.com"],
      githubLogin: "evance",
      affiliation: "Intel",
      affiliationInferred: true,
    });
    expect(d.warnings).toEqual([expect.stringContaining("taken from the file name")]);
  });

  it("prefers, among several employers' domains, the one the statement names first", () => {
    const text = "Name: Kim Example\nEmail: kim@hyper.sh, kim@antgroup.com\n\nI am an engineer at Ant Group, formerly at Hyper.\n";
    const d = parseKataDeclaration(text, "KimExample.txt");
    expect(d.affiliation).toBe("Ant Group");
    expect(d.affiliationInferred).toBe(true);
    expect(d.warnings).toEqual([expect.stringContaining("several organisations")]);
  });

  it("takes 'Affiliation: none' as a declared absence of affiliation, not an unknown one", () => {
    const d = parseKataDeclaration("Name: Lee Example\nEmail: lee@intel.com\nAffiliation: None\n\nHello.", "x.txt");
    expect(d.affiliation).toBe("none");
    expect(d.affiliationInferred).toBe(false);
  });

  it("accepts bold Markdown keys and lower-case keys", () => {
    const d = parseKataDeclaration("**Name:** Mo Example\n**email**: mo@example.com\nplatform: s390x\n\nText.", "m.md");
    expect(d).toMatchObject({ name: "Mo Example", email: "mo@example.com", platform: "s390x", statement: "Text." });
  });

  it("keeps '#' comment lines inside code fences", () => {
    const d = parseKataDeclaration("Name: Ro Example\nE-mails: ro@example.com\n\n```sh\n# build\n## twice\n```\n", "r.md");
    expect(d.email).toBe("ro@example.com");
    expect(d.statement).toBe("```sh\n# build\n## twice\n```");
  });

  it("keeps a declaration without any email but says so", () => {
    const d = parseKataDeclaration("# Pitch\n\nName: Noor Example, [@noor](https://github.com/noor)\n\n## Candidacy\n\nHi.", "NoorExample.md");
    expect(d.email).toBeNull();
    expect(d.githubLogin).toBe("noor");
    expect(d.warnings).toContain("no email address found");
  });

  it("rejects a file with neither a name line nor a name-like file name", () => {
    expect(() => parseKataDeclaration("Just some prose.\n", "notes.txt")).toThrow(ImportError);
    expect(() => parseKataDeclaration("Just some prose.\n", "notes.txt")).toThrow(/notes\.txt: no candidate name/);
  });
});

describe("declaration helpers", () => {
  it("derives names from CamelCase file names only", () => {
    expect(nameFromFilename("EricExample.txt")).toBe("Eric Example");
    expect(nameFromFilename("dir/JoséÁlvarez.md")).toBe("José Álvarez");
    expect(nameFromFilename("Mary_Jane_Example.txt")).toBe("Mary Jane Example");
    expect(nameFromFilename("burgerexample.md")).toBeNull();
    expect(nameFromFilename("Single.txt")).toBeNull();
  });

  it("un-obfuscates email addresses", () => {
    expect(extractEmails("jo at example dot com")).toEqual(["jo@example.com"]);
    expect(extractEmails("jo.x at example.co.uk")).toEqual(["jo.x@example.co.uk"]);
    expect(extractEmails("jo [at] example [dot] org")).toEqual(["jo@example.org"]);
    expect(extractEmails("a@example.com, A@example.com; b@example.org")).toEqual(["a@example.com", "b@example.org"]);
  });

  it("cleans names", () => {
    expect(cleanName("Peng, Tao")).toBe("Tao Peng");
    expect(cleanName("  Ana Example ,  ")).toBe("Ana Example");
    expect(cleanName("Ana Example <ana@example.com>")).toBe("Ana Example");
    expect(cleanName("Ana Example (@anaex)")).toBe("Ana Example");
  });

  it("maps company domains, including sub-domains, and ignores personal providers", () => {
    expect(organisationForEmail("x@linux.intel.com")).toBe("Intel");
    expect(organisationForEmail("x@uk.ibm.com")).toBe("IBM");
    expect(organisationForEmail("x@gmail.com")).toBeNull();
    expect(organisationForEmail("x@hotmail.com")).toBeNull();
    expect(organisationForEmail("x@my-vanity-domain.org")).toBeNull();
  });
});
