import { ImportError } from "./import-error";
import type { NamedText } from "./parse-kata-folder";

/** What the admin upload page accepts: a Kata folder is a README and a handful of small text files. */
export const KATA_UPLOAD_LIMITS = {
  files: 200,
  fileBytes: 256 * 1024,
  totalBytes: 5 * 1024 * 1024,
} as const;

export const isReadmeName = (name: string) => /^readme\.md$/i.test(baseName(name));

/** The file's own name: browsers send a folder upload's files as "folder/file.txt". */
export function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, "/").lastIndexOf("/") + 1);
}

/** UTF-8 text, or null for anything else (a binary file, another encoding). */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Valid UTF-8 can still be binary (NUL bytes); no declaration contains one.
  return text.includes("\u0000") ? null : text;
}

export interface UploadedText {
  /** The name as uploaded: "README.md", or with its folder, "kata-2030-01/README.md". */
  path: string;
  text: string;
}

/**
 * buildKataElection's arguments from uploaded files, as parseKataFolder gets
 * them from a folder on disk: the folder's name (from the uploaded paths, else
 * `folderNameHint`), its README.md and its top-level files; files in
 * subfolders are ignored, as parseKataFolder ignores them.
 */
export function kataFolderFromUpload(uploaded: UploadedText[], folderNameHint = ""): { folderName: string; readme: string; files: NamedText[] } {
  const parts = uploaded.map((u) => ({ segments: u.path.replace(/\\/g, "/").split("/").filter(Boolean), text: u.text }));
  const fromPath = parts.find((p) => p.segments.length > 1)?.segments[0];
  const folderName = fromPath ?? (folderNameHint.trim() || "uploaded folder");
  // Top level: a bare name, or directly inside the chosen folder.
  const top = parts.filter((p) => p.segments.length === 1 || (p.segments.length === 2 && p.segments[0] === folderName));
  const files = top.map((p) => ({ name: p.segments[p.segments.length - 1], text: p.text }));
  const readme = files.find((f) => isReadmeName(f.name));
  if (!readme) throw new ImportError(`${folderName}: no README.md giving the seats and dates; upload the whole election folder`);
  return { folderName, readme: readme.text, files: files.filter((f) => f !== readme) };
}
