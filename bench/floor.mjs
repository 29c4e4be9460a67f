// The physical floor for a Condorcet re-tally: read the CSV, turn each row into
// ranks in a typed array, add it to the pairwise matrix. No validation, no
// ballot folding, no report. The CLI is measured against this.
import { readFileSync } from "node:fs";

const buf = readFileSync(process.argv[2]);
let pos = buf.indexOf(10) + 1;
const n = buf.subarray(0, pos).toString("latin1").trim().split(",").length;
const d = new Float64Array(n * n);
const rank = new Int32Array(n);
const len = buf.length;
while (pos < len) {
  for (let c = 0; c < n; c++) {
    let v = 0;
    let b = buf[pos];
    while (b >= 48 && b <= 57) {
      v = v * 10 + b - 48;
      b = buf[++pos];
    }
    while (b !== 44 && b !== 10 && pos < len) b = buf[++pos];
    rank[c] = v;
    pos++;
  }
  for (let i = 0; i < n; i++) {
    const ri = rank[i];
    if (ri === 0) continue;
    for (let j = 0; j < n; j++) {
      const rj = rank[j];
      if (rj !== 0 && ri < rj) d[i * n + j]++;
    }
  }
}
process.stdout.write(`${d[1]}\n`);
