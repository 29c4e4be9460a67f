// CPU seconds of the app's process tree, read from /proc.
import { readdirSync, readFileSync } from "node:fs";
import { serverPid } from "./server";

const CLK_TCK = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number; // utime + stime + cutime + cstime
}

function readProcs(): Map<number, ProcStat> {
  const m = new Map<number, ProcStat>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, "utf8");
      const close = s.lastIndexOf(")");
      const comm = s.slice(s.indexOf("(") + 1, close);
      const f = s.slice(close + 2).split(" ");
      // f[0] = state (field 3); utime = field 14 → f[11]
      m.set(Number(d), { pid: Number(d), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // exited meanwhile
    }
  }
  return m;
}

/** CPU seconds used so far by the app's process tree, split into PostgreSQL and the rest (next-server, start.ts). */
export function cpuSnapshot(): { postgres: number; app: number; bench: number } {
  const procs = readProcs();
  const root = serverPid();
  const tree = new Set<number>();
  if (root) {
    tree.add(root);
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of procs.values()) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
    }
  }
  let postgres = 0;
  let app = 0;
  for (const pid of tree) {
    const p = procs.get(pid)!;
    // cutime of the tree root would double-count reaped children only; the root (start.ts) never reaps next or postgres while running.
    if (p.comm.startsWith("postgres")) postgres += p.ticks;
    else app += p.ticks;
  }
  const u = process.cpuUsage();
  return { postgres: postgres / CLK_TCK, app: app / CLK_TCK, bench: (u.user + u.system) / 1e6 };
}
