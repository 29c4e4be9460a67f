import type { Candidate, TallyResult } from "./types";

/**
 * The JSON the CLI prints and the app can store: the PRODUCT §8 fields first, in
 * that order, then the rest of the result. Key order is fixed so two re-tallies
 * of the same election diff clean.
 */
export function resultJson(r: TallyResult) {
  return {
    method: r.method,
    seats: r.seats,
    candidates: r.candidates,
    ballots: r.ballots,
    winners: r.winners,
    ranking: r.ranking,
    pairwise: r.pairwise,
    strongestPaths: r.strongestPaths,
    skippedForCap: r.skippedForCap,
    tieBreaks: r.tieBreaks,
    title: r.title,
    unranked: r.unranked,
    strength: r.strength,
    maxPerAffiliation: r.maxPerAffiliation,
    abstentions: r.abstentions,
    ballotHash: r.ballotHash,
    quota: r.quota,
    rounds: r.rounds,
  };
}

const METHOD_NAMES: Record<TallyResult["method"], string> = {
  schulze: "Schulze",
  "ranked-pairs": "Ranked Pairs (MAM)",
  irv: "Instant runoff (IRV)",
  "stv-scottish": "Single transferable vote, Scottish rules (WIGM)",
  "stv-meek": "Single transferable vote, Meek's method",
};

function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toFixed(5)));
}

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i > 0)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/**
 * Column labels for the matrices: the ids themselves when they are short, else
 * A, B, C ... with a legend, so a 20-candidate matrix still fits a terminal.
 */
function labelsFor(cands: Candidate[]): { label: Map<string, string>; legend: string[] } {
  const label = new Map<string, string>();
  const short = cands.every((c) => c.id.length <= 8);
  cands.forEach((c, i) => label.set(c.id, short ? c.id : letters(i)));
  const legend = short ? [] : cands.map((c) => `  ${label.get(c.id)} = ${c.id}${c.name && c.name !== c.id ? ` (${c.name})` : ""}`);
  return { label, legend };
}

function letters(i: number): string {
  let s = "";
  i++;
  while (i > 0) {
    const r = (i - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    i = Math.floor((i - 1) / 26);
  }
  return s;
}

function unrankedWords(r: TallyResult): string {
  if (r.method === "irv" || r.method === "stv-scottish" || r.method === "stv-meek")
    return "a ballot passes only to candidates it ranks; when none is left it is exhausted";
  return r.unranked === "exclude"
    ? "exclude: a ballot says nothing about candidates it leaves unranked (no opinion)"
    : "last: candidates a ballot leaves unranked count below every ranked one, tied with each other";
}

/** A person-readable report of a result: everything the JSON says, laid out to be checked by eye. */
export function textReport(r: TallyResult): string {
  const out: string[] = [];
  const ids = r.candidates.map((c) => c.id);
  const nameOf = new Map(r.candidates.map((c) => [c.id, c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id]));
  const show = (id: string) => nameOf.get(id) ?? id;
  const { label, legend } = labelsFor(r.candidates);
  const lab = (id: string) => label.get(id) ?? id;

  out.push(r.title ? `Election: ${r.title}` : "Election (untitled)");
  out.push(`Method: ${METHOD_NAMES[r.method]}${r.strength ? `, ${r.strength === "winning" ? "winning votes" : "margins"} as the strength of a defeat` : ""}`);
  out.push(`Seats: ${r.seats}`);
  out.push(`Unranked candidates: ${unrankedWords(r)}`);
  out.push(
    `Affiliation cap: ${r.maxPerAffiliation === null ? "none" : `at most ${r.maxPerAffiliation} seat${r.maxPerAffiliation === 1 ? "" : "s"} per affiliation, continuing members included`}`,
  );
  out.push(`Candidates: ${r.candidates.length}`);
  out.push(`Ballots: ${num(r.ballots)} (abstentions, ranking nobody: ${num(r.abstentions)})`);
  if (r.quota !== null) out.push(`Quota: ${num(r.quota)}`);
  out.push(`Ballot hash (SHA-256 of the canonical ballot text): ${r.ballotHash}`);
  out.push("");

  out.push(`Winners (${r.winners.length} of ${r.seats} seat${r.seats === 1 ? "" : "s"}):`);
  r.winners.forEach((w, i) => out.push(`  ${i + 1}. ${show(w)}`));
  if (r.winners.length === 0) out.push("  (none)");
  out.push("");

  out.push("Ranking (best first; candidates on one line are tied):");
  let place = 1;
  for (const tier of r.ranking) {
    const mark = tier.length > 1 ? `${place}=` : `${place}.`;
    out.push(`  ${pad(mark, 4)}${tier.map(show).join(", ")}`);
    place += tier.length;
  }
  out.push("");

  const hasPairwise = Object.keys(r.pairwise).length > 0;
  if (hasPairwise || r.strongestPaths) {
    if (legend.length) {
      out.push("Legend:");
      out.push(...legend);
      out.push("");
    }
  }
  const matrix = (m: Record<string, Record<string, number>>) =>
    table(
      ["", ...ids.map(lab)],
      ids.map((a) => [lab(a), ...ids.map((b) => (a === b ? "-" : num(m[a]?.[b] ?? 0)))]),
    );
  if (hasPairwise) {
    out.push("Pairwise preferences (row over column: ballots ranking the row candidate above the column one):");
    out.push(...matrix(r.pairwise).map((l) => `  ${l}`));
    out.push("");
  }
  if (r.strongestPaths) {
    out.push("Strongest paths (row to column; the row candidate ranks above the column one when its path is stronger):");
    out.push(...matrix(r.strongestPaths).map((l) => `  ${l}`));
    out.push("");
  }

  if (r.rounds && r.rounds.length) {
    out.push("Count, stage by stage (votes held by each candidate at the end of the stage):");
    const head = ["stage", ...ids.map(lab), "exhausted"];
    const rows = r.rounds.map((s) => [String(s.stage), ...ids.map((id) => (id in s.votes ? num(s.votes[id]) : "")), num(s.exhausted)]);
    out.push(...table(head, rows).map((l) => `  ${l}`));
    if (legend.length && !(hasPairwise || r.strongestPaths)) {
      out.push("Legend:");
      out.push(...legend);
    }
    // Actions are sentences; in the table they would push the numbers off screen.
    out.push("What happened at each stage:");
    for (const s of r.rounds) out.push(`  ${pad(String(s.stage), 3, true)}. ${s.action}`);
    out.push("");
  }

  out.push("Skipped for the affiliation cap:");
  if (r.skippedForCap.length === 0) out.push("  none");
  for (const s of r.skippedForCap) out.push(`  ${show(s.candidate)} (${s.affiliation}), seat ${s.seat}: ${s.reason}`);
  out.push("");

  out.push("Tie-breaks:");
  if (r.tieBreaks.length === 0) out.push("  none (no tie decided anything)");
  r.tieBreaks.forEach((t, i) => {
    out.push(`  ${i + 1}. ${t.decision}`);
    out.push(`     tied: ${t.among.join(", ")}`);
    out.push(`     order used: ${t.order.join(" > ")}`);
    out.push(`     rule: ${t.rule}`);
  });
  if (r.tieBreaks.length) {
    out.push(
      "  To repeat a tie-break by hand: rebuild the canonical ballot text from the published ballots",
      "  (see docs/cli.md), check that `sha256sum` gives the ballot hash above, then apply the rule with it.",
    );
  }
  return out.join("\n") + "\n";
}
