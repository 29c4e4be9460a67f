import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "./import-error";
import { decodeText, kataFolderFromUpload } from "./kata-upload";
import { buildKataElection, parseKataFolder } from "./parse-kata-folder";

const FIXTURE = path.resolve(import.meta.dirname, "../../test/fixtures/import/kata-2030-01");

async function uploaded(prefix: string) {
  const names = await readdir(FIXTURE);
  return Promise.all(names.map(async (n) => ({ path: prefix + n, text: await readFile(path.join(FIXTURE, n), "utf8") })));
}

describe("kataFolderFromUpload", () => {
  it("gives the same election as reading the folder from disk, with the folder name from the uploaded paths", async () => {
    const folder = kataFolderFromUpload(await uploaded("kata-2030-01/"), "ignored when the paths name the folder");
    expect(folder.folderName).toBe("kata-2030-01");
    expect(buildKataElection(folder.folderName, folder.readme, folder.files)).toEqual(await parseKataFolder(FIXTURE));
  });

  it("takes the folder name from the form when the browser sends bare file names", async () => {
    expect(kataFolderFromUpload(await uploaded(""), " kata-2030-01 ").folderName).toBe("kata-2030-01");
    expect(kataFolderFromUpload(await uploaded("")).folderName).toBe("uploaded folder");
  });

  it("ignores files in subfolders, as the folder reader does", async () => {
    const files = [...(await uploaded("kata-2030-01/")), { path: "kata-2030-01/old/Extra.txt", text: "Name: Not A Candidate\n" }];
    const folder = kataFolderFromUpload(files);
    expect(folder.files.map((f) => f.name)).not.toContain("Extra.txt");
    expect(buildKataElection(folder.folderName, folder.readme, folder.files).candidates).toHaveLength(3);
  });

  it("refuses an upload without a README.md at the top, naming the folder", async () => {
    const withoutReadme = (await uploaded("kata-2030-01/")).filter((f) => !f.path.endsWith("README.md"));
    expect(() => kataFolderFromUpload(withoutReadme)).toThrow(ImportError);
    expect(() => kataFolderFromUpload(withoutReadme)).toThrow(/^kata-2030-01: no README.md/);
    expect(() => kataFolderFromUpload([{ path: "parent/kata-2030-01/README.md", text: "# x" }])).toThrow(/no README.md/);
  });
});

describe("decodeText", () => {
  it("accepts UTF-8 text and refuses binary or other encodings", () => {
    expect(decodeText(new TextEncoder().encode("Name: Zoë Ü\n"))).toBe("Name: Zoë Ü\n");
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull(); // PNG signature
    expect(decodeText(new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x00]))).toBeNull(); // NUL byte
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xeb]))).toBeNull(); // Latin-1 "Zoë"
  });
});
