import { createHash } from "node:crypto";
import type { BallotSet } from "./types";

/**
 * Collects ballots as rank vectors and folds identical ones together, so a
 * 100,000-ballot election with a few thousand distinct ballots is counted once
 * per distinct ballot. Ranks are normalised (1..k, no gaps) before folding, so
 * "1,3,3" and "1,2,2" are the same ballot.
 */
export class BallotSetBuilder {
  // Open-addressing hash table of group index + 1 (0 = empty), keyed by the
  // normalised rank vector itself: no per-ballot string keys, which dominated
  // the cost of reading 100,000-ballot files.
  private table: Int32Array;
  private ranks: Int32Array;
  private weights: Float64Array;
  private hashes: Int32Array;
  private groups = 0;
  private readonly scratch: Int32Array;
  private present: Int32Array;
  private readonly order: number[];

  constructor(public readonly n: number, expectedGroups = 64) {
    const cap = Math.max(1, expectedGroups);
    this.ranks = new Int32Array(cap * n);
    this.weights = new Float64Array(cap);
    this.hashes = new Int32Array(cap);
    let size = 16;
    while (size < cap * 2) size *= 2;
    this.table = new Int32Array(size);
    this.scratch = new Int32Array(n);
    this.present = new Int32Array(4 * n + 2);
    this.order = Array.from({ length: n }, (_, i) => i);
  }

  /** rank[c] = rank of candidate c (1 = best, 0 = unranked); gaps and equal ranks allowed. */
  add(rank: ArrayLike<number>, weight = 1): void {
    const n = this.n;
    const s = this.scratch;
    this.normalise(rank, s);
    let h = 0x811c9dc5 | 0;
    for (let c = 0; c < n; c++) h = Math.imul(h ^ s[c], 16777619);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      const g = e - 1;
      if (this.hashes[g] === h && this.sameAs(g, s)) {
        this.weights[g] += weight;
        return;
      }
      slot = (slot + 1) & mask;
    }
    if (this.groups + 1 > this.weights.length) this.grow();
    const g = this.groups++;
    this.ranks.set(s, g * n);
    this.weights[g] = weight;
    this.hashes[g] = h;
    this.table[slot] = g + 1;
    if (this.groups * 2 > this.table.length) this.rehash();
  }

  /** Dense re-ranking: the distinct positive ranks renumbered 1..k in order. */
  private normalise(rank: ArrayLike<number>, s: Int32Array): void {
    const n = this.n;
    let max = 0;
    let whole = true;
    for (let c = 0; c < n; c++) {
      const r = rank[c];
      if (r > max) max = r;
      if ((r | 0) !== r) whole = false;
    }
    if (whole && max < this.present.length) {
      // Ranks are almost always small: a counting pass beats sorting.
      const p = this.present;
      p.fill(0, 0, max + 1);
      for (let c = 0; c < n; c++) {
        const r = rank[c];
        if (r > 0) p[r] = 1;
      }
      let k = 0;
      for (let r = 1; r <= max; r++) if (p[r] !== 0) p[r] = ++k;
      for (let c = 0; c < n; c++) {
        const r = rank[c];
        s[c] = r > 0 ? p[r] : 0;
      }
      return;
    }
    const seen: number[] = [];
    for (let c = 0; c < n; c++) {
      const r = rank[c];
      if (r > 0 && !seen.includes(r)) seen.push(r);
    }
    seen.sort((a, b) => a - b);
    for (let c = 0; c < n; c++) {
      const r = rank[c];
      s[c] = r > 0 ? seen.indexOf(r) + 1 : 0;
    }
  }

  private sameAs(g: number, s: Int32Array): boolean {
    const n = this.n;
    const base = g * n;
    for (let c = 0; c < n; c++) if (this.ranks[base + c] !== s[c]) return false;
    return true;
  }

  private grow(): void {
    const cap = Math.max(this.weights.length * 2, 16);
    const r = new Int32Array(cap * this.n);
    r.set(this.ranks);
    const w = new Float64Array(cap);
    w.set(this.weights);
    const h = new Int32Array(cap);
    h.set(this.hashes);
    this.ranks = r;
    this.weights = w;
    this.hashes = h;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let g = 0; g < this.groups; g++) {
      let slot = this.hashes[g] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = g + 1;
    }
    this.table = table;
  }

  build(): BallotSet {
    return {
      n: this.n,
      groups: this.groups,
      ranks: this.ranks.slice(0, this.groups * this.n),
      weights: this.weights.slice(0, this.groups),
    };
  }

  get candidateOrder(): readonly number[] {
    return this.order;
  }
}

/** Tiers (best first) of candidate indices on distinct ballot g. */
export function ballotTiers(set: BallotSet, g: number): number[][] {
  const tiers: number[][] = [];
  const base = g * set.n;
  for (let c = 0; c < set.n; c++) {
    const r = set.ranks[base + c];
    if (r > 0) (tiers[r - 1] ??= []).push(c);
  }
  return tiers.filter((t) => t !== undefined);
}

export function totalWeight(set: BallotSet): number {
  let t = 0;
  for (let g = 0; g < set.groups; g++) t += set.weights[g];
  return t;
}

export function abstentionWeight(set: BallotSet): number {
  let t = 0;
  for (let g = 0; g < set.groups; g++) {
    let any = false;
    for (let c = 0, b = g * set.n; c < set.n; c++) if (set.ranks[b + c] > 0) { any = true; break; }
    if (!any) t += set.weights[g];
  }
  return t;
}

/**
 * The canonical text of a ballot set, which the ballot hash is taken over. It
 * is independent of ballot order and of how identical ballots were grouped:
 *
 *   hustings-ballots-v1
 *   candidates <id> <id> ...            (ids sorted by code unit)
 *   <weight> <tiers>                    (one line per distinct ballot, lines sorted)
 *
 * where <tiers> writes tiers best first separated by ">", tied ids by "=";
 * ballots that rank nobody are left out. Anyone can rebuild it from the published
 * ballots and check the hash with `sha256sum`.
 */
export function canonicalBallotText(set: BallotSet, ids: readonly string[]): string {
  const bytes = canonicalBallotBytes(set, ids);
  return bytes ? new TextDecoder().decode(bytes) : canonicalBallotTextSlow(set, ids);
}

export function ballotHash(set: BallotSet, ids: readonly string[]): string {
  return createHash("sha256")
    .update(canonicalBallotBytes(set, ids) ?? canonicalBallotTextSlow(set, ids))
    .digest("hex");
}

/** The definition of the canonical text, kept as the reference the fast path must match. */
export function canonicalBallotTextSlow(set: BallotSet, ids: readonly string[]): string {
  const sortedIds = [...ids].sort();
  const lines = new Map<string, number>();
  for (let g = 0; g < set.groups; g++) {
    const tiers = ballotTiers(set, g).map((t) => t.map((c) => ids[c]).sort().join("="));
    // Abstentions carry no preference: leaving them out means an empty ballot
    // can never change a tie-break, let alone a result.
    if (tiers.length === 0) continue;
    const text = tiers.join(">");
    lines.set(text, (lines.get(text) ?? 0) + set.weights[g]);
  }
  const body = [...lines.entries()].map(([t, w]) => `${w} ${t}`).sort();
  return ["hustings-ballots-v1", `candidates ${sortedIds.join(" ")}`, ...body].join("\n") + "\n";
}

/**
 * The canonical text built as UTF-8 bytes with no per-ballot strings: on
 * 100,000 distinct ballots the string version spent most of a re-tally
 * allocating short-lived strings and sorting them.
 *
 * A line "<weight> <text>" is a sequence of tokens, each a candidate id and the
 * byte after it ("=", ">" or the end of the line). Ranking the 3n possible
 * tokens by their bytes once makes byte order of lines the same as
 * lexicographic order of token ranks, so the lines can be radix-sorted as
 * small integers. That holds as long as no id holds "=" or ">" (it could then
 * tie with a separator) and no surrogate pair (the string sort compares UTF-16
 * code units); such elections (null) take the reference path.
 */
function canonicalBallotBytes(set: BallotSet, ids: readonly string[]): Uint8Array | null {
  for (const id of ids) {
    if (id.includes("=") || id.includes(">")) return null;
    for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) >= 0xd800) return null;
  }
  const { n, groups, ranks, weights } = set;
  const enc = new TextEncoder();
  const idBytes = ids.map((id) => enc.encode(id));
  const byId = Int32Array.from(ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0)));

  // Token t = 3c + s (s: 0 end of line, 1 "=", 2 ">"), ranked 1..3n by bytes.
  const SEP = [-1, 61, 62];
  const tokens = Array.from({ length: 3 * n }, (_, t) => t).sort((x, y) => {
    const a = idBytes[(x / 3) | 0];
    const b = idBytes[(y / 3) | 0];
    const la = a.length + (x % 3 === 0 ? 0 : 1);
    const lb = b.length + (y % 3 === 0 ? 0 : 1);
    for (let i = 0; i < la && i < lb; i++) {
      const u = i < a.length ? a[i] : SEP[x % 3];
      const v = i < b.length ? b[i] : SEP[y % 3];
      if (u !== v) return u - v;
    }
    return la - lb;
  });
  const tokenRank = new Int32Array(3 * n);
  tokens.forEach((t, i) => (tokenRank[t] = i + 1));

  // 1. Each ballot as token ranks (tiers best first, ids sorted within a tier);
  // 0 pads the rest. Ranks may have gaps in a set built elsewhere.
  let maxRank = n;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] > maxRank) maxRank = ranks[i];
  const count = new Int32Array(maxRank + 2);
  const seq = new Int32Array(groups * n);
  const seqLen = new Int32Array(groups);
  const textLen = new Int32Array(groups);
  // Bytes of each token (by rank): the id and the separator or newline after it.
  const tokenLen = new Int32Array(3 * n + 1);
  for (let t = 0; t < 3 * n; t++) tokenLen[tokenRank[t]] = idBytes[(t / 3) | 0].length + 1;
  const placed = new Int32Array(n);
  let order = new Int32Array(groups);
  let texts = 0;
  let longest = 0;
  for (let g = 0; g < groups; g++) {
    const len = tokenize(ranks, g * n, n, byId, count, placed, tokenRank, seq);
    if (len === 0) continue;
    let bytes = 0;
    for (let i = 0; i < len; i++) bytes += tokenLen[seq[g * n + i]];
    textLen[g] = bytes;
    seqLen[g] = len;
    if (len > longest) longest = len;
    order[texts++] = g;
  }
  order = order.subarray(0, texts);

  // 2. LSD radix sort by tokens, last positions first, two positions a pass
  // (stable counting sorts over (3n + 1)² buckets).
  const base1 = 3 * n + 1;
  const buckets = new Int32Array(base1 * base1 + 1);
  let scratch = new Int32Array(texts);
  // Pairs (pos, pos + 1) from the end; an odd length ends on (-1, 0), -1 reading as 0.
  for (let pos = longest - 2; pos >= -1; pos -= 2) {
    buckets.fill(0);
    for (let i = 0; i < texts; i++) {
      const at = order[i] * n + pos;
      buckets[(pos >= 0 ? seq[at] * base1 : 0) + seq[at + 1] + 1]++;
    }
    for (let b = 1; b < buckets.length; b++) buckets[b] += buckets[b - 1];
    for (let i = 0; i < texts; i++) {
      const g = order[i];
      const at = g * n + pos;
      scratch[buckets[(pos >= 0 ? seq[at] * base1 : 0) + seq[at + 1]]++] = g;
    }
    const t = order;
    order = scratch;
    scratch = t;
  }

  // 3. Equal texts are now adjacent: merge them (only possible when the set was not folded).
  const unique = new Int32Array(texts);
  const weight = new Float64Array(texts);
  let uniques = 0;
  for (let i = 0; i < texts; i++) {
    const g = order[i];
    if (uniques > 0 && sameSeq(seq, seqLen, n, unique[uniques - 1], g)) weight[uniques - 1] += weights[g];
    else {
      unique[uniques] = g;
      weight[uniques++] = weights[g];
    }
  }

  // 4. Then a stable sort by the weight's text, which comes first on the line.
  const weightText = new Map<number, Uint8Array>();
  for (let u = 0; u < uniques; u++) if (!weightText.has(weight[u])) weightText.set(weight[u], enc.encode(`${weight[u]} `));
  const byWeight = [...weightText.entries()].sort((a, b) => compareBytes(a[1], b[1]));
  const weightRank = new Map<number, number>(byWeight.map(([w], i) => [w, i]));
  const wCount = new Int32Array(byWeight.length + 1);
  const wRank = new Int32Array(uniques);
  for (let u = 0; u < uniques; u++) wCount[(wRank[u] = weightRank.get(weight[u])!) + 1]++;
  for (let b = 1; b < wCount.length; b++) wCount[b] += wCount[b - 1];
  const lines = new Int32Array(uniques);
  for (let u = 0; u < uniques; u++) lines[wCount[wRank[u]]++] = u;

  // 5. Write it out.
  const head = enc.encode(`hustings-ballots-v1\ncandidates ${[...ids].sort().join(" ")}\n`);
  const tokenBytes: Uint8Array[] = new Array(3 * n + 1).fill(new Uint8Array(0));
  for (let t = 0; t < 3 * n; t++) {
    const b = idBytes[(t / 3) | 0];
    const withSep = new Uint8Array(b.length + 1);
    withSep.set(b);
    withSep[b.length] = t % 3 === 0 ? 10 : SEP[t % 3];
    tokenBytes[tokenRank[t]] = withSep;
  }
  // Token bytes in one flat buffer so the copy below stays on one array type.
  const tokAt = new Int32Array(3 * n + 2);
  for (let t = 1; t <= 3 * n; t++) tokAt[t + 1] = tokAt[t] + tokenBytes[t].length;
  const tokFlat = new Uint8Array(tokAt[3 * n + 1]);
  for (let t = 1; t <= 3 * n; t++) tokFlat.set(tokenBytes[t], tokAt[t]);
  let total = head.length;
  for (let u = 0; u < uniques; u++) total += weightText.get(weight[u])!.length + textLen[unique[u]];
  const out = new Uint8Array(total);
  out.set(head);
  let p = head.length;
  for (let li = 0; li < uniques; li++) {
    const u = lines[li];
    const wb = weightText.get(weight[u])!;
    out.set(wb, p);
    p = writeLine(out, p + wb.length, seq, unique[u] * n, seqLen[unique[u]], tokFlat, tokAt);
  }
  return out;
}

/**
 * Writes ballot `base / n` as token ranks into seq[base...] and returns how many
 * there are (0 for a ballot that ranks nobody). A function of its own so V8
 * optimises it after a few calls instead of waiting to replace a long loop.
 */
function tokenize(
  ranks: Int32Array,
  base: number,
  n: number,
  byId: Int32Array,
  count: Int32Array,
  placed: Int32Array,
  tokenRank: Int32Array,
  seq: Int32Array,
): number {
  let k = 0;
  for (let c = 0; c < n; c++) {
    const r = ranks[base + c];
    if (r > 0) {
      if (r > k) {
        for (let x = k + 1; x <= r; x++) count[x] = 0;
        k = r;
      }
      count[r]++;
    }
  }
  if (k === 0) return 0;
  let acc = 0;
  for (let r = 1; r <= k; r++) {
    const c = count[r];
    count[r] = acc;
    acc += c;
  }
  // count[r] points at tier r's first slot; after placing, at its end.
  for (let i = 0; i < n; i++) {
    const c = byId[i];
    const r = ranks[base + c];
    if (r > 0) placed[count[r]++] = c;
  }
  let r = 1;
  for (let i = 0; i < acc; i++) {
    while (count[r] <= i) r++;
    const sep = i === acc - 1 ? 0 : i + 1 === count[r] ? 2 : 1;
    seq[base + i] = tokenRank[3 * placed[i] + sep];
  }
  return acc;
}

function writeLine(out: Uint8Array, p: number, seq: Int32Array, base: number, len: number, tokFlat: Uint8Array, tokAt: Int32Array): number {
  for (let i = 0; i < len; i++) {
    const t = seq[base + i];
    for (let j = tokAt[t], e = tokAt[t + 1]; j < e; j++) out[p++] = tokFlat[j];
  }
  return p;
}

function sameSeq(seq: Int32Array, len: Int32Array, n: number, g: number, h: number): boolean {
  if (len[g] !== len[h]) return false;
  for (let i = 0; i < len[g]; i++) if (seq[g * n + i] !== seq[h * n + i]) return false;
  return true;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const m = Math.min(a.length, b.length);
  for (let i = 0; i < m; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
