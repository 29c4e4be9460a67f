import type { PhaseResult } from "./phases";

export function printTable(phases: PhaseResult[], max: PhaseResult, half: number, consistent: boolean): void {
  const rows = phases.map((p) => [
    p.name,
    p.mode,
    String(p.ballotsBefore),
    `${p.ok}/${p.sent}`,
    p.rate.toFixed(0),
    p.p50.toFixed(1),
    p.p95.toFixed(1),
    p.p99.toFixed(1),
    p.max.toFixed(0),
    `${p.cpu.postgres.toFixed(1)} / ${p.cpu.app.toFixed(1)} / ${p.cpu.bench.toFixed(1)}`,
  ]);
  const head = ["phase", "load", "ballots already in", "ok/sent", "ballots/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU s pg / next / bench"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${rows.map(line).join("\n")}\n`);
  const halfPhase = phases.find((p) => p.name === "half rate");
  console.log(`Target (PRODUCT §11): ≥ 1,000 ballots/s → measured max ${max.rate.toFixed(0)} ballots/s (${max.mode})`);
  console.log(`                      p99 < 100 ms at half rate → p99 ${halfPhase?.p99.toFixed(1)} ms at ${half}/s`);
  console.log(`                      zero lost or doubled → ${consistent ? "yes" : "NO (see above)"}\n`);
}
