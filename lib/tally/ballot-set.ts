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
    // A plain loop: TypedArray.set is a builtin call, slow for 20 numbers at a time.
    for (let c = 0, at = g * n; c < n; c++) this.ranks[at + c] = s[c];
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
      for (let r = 0; r <= max; r++) p[r] = 0;
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
  const parts: string[] = [];
  const decoder = new TextDecoder();
  // Pieces end at line ends, so each decodes on its own.
  if (writeCanonicalBallotBytes(set, ids, (piece) => parts.push(decoder.decode(piece)))) return parts.join("");
  return canonicalBallotTextSlow(set, ids);
}

export function ballotHash(set: BallotSet, ids: readonly string[]): string {
  const hash = createHash("sha256");
  if (!writeCanonicalBallotBytes(set, ids, (piece) => hash.update(piece))) hash.update(canonicalBallotTextSlow(set, ids));
  return hash.digest("hex");
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
 * lexicographic order of token ranks, so lines can be ordered by small
 * integers. That holds as long as no id holds "=" or ">" (it could then tie
 * with a separator) and no surrogate pair (the string sort compares UTF-16
 * code units); for such elections this returns false and the caller takes the
 * reference path.
 *
 * The text goes to `write` in pieces that end at line ends (each piece is only
 * valid during the call). Memory access, not arithmetic, is what costs here:
 * every pass walks its arrays in order except the last, which reads ballots in
 * sorted order from a copy of one byte per token that stays in cache. (An
 * earlier version radix-sorted a 7 MB array of token ranks in ten passes of
 * random reads, then wrote all 10 MB of text into one fresh buffer.)
 */
function writeCanonicalBallotBytes(set: BallotSet, ids: readonly string[], write: (piece: Uint8Array) => void): boolean {
  for (const id of ids) {
    if (id.includes("=") || id.includes(">")) return false;
    for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) >= 0xd800) return false;
  }
  const { n, groups, weights } = set;
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

  // 1. Each ballot that ranks anyone, in g order: its tokens (as ranks) into
  // seq[g * n ...], seqLen[g] of them, and a sort key packing the first few with
  // its line number (see keyPacking). Token ranks fit a byte for up to 85
  // candidates: the compact copy keeps the random reads of step 5 in cache.
  let ranks = set.ranks;
  let maxRank = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] > maxRank) maxRank = ranks[i];
  // A set built elsewhere may leave gaps in its ranks; the tiers are what count.
  if (maxRank > n) ranks = denseRanks(ranks, n);
  const seq = 3 * n < 256 ? new Uint8Array(groups * n) : 3 * n < 65536 ? new Uint16Array(groups * n) : new Int32Array(groups * n);
  const seqLen = new Int32Array(groups);
  // Bytes of a line's tiers: each id and the one separator (or newline) after it.
  const lineBytes = new Int32Array(groups);
  const idLen = Int32Array.from(idBytes, (b) => b.length + 1);
  const { packed, tokenBase, indexBase } = keyPacking(3 * n, groups);
  const keys = new Float64Array(groups);
  const lineGroup = new Int32Array(groups);
  // Scratch: the candidates of tier r at tier[r * n ...], tierLen[r] of them.
  const tier = new Int32Array((n + 1) * n);
  const tierLen = new Int32Array(n + 1);
  let lines = 0;
  const tokenize = (g: number): number => {
    const base = g * n;
    // Candidates in id order into their tiers, so each tier comes out sorted.
    let k = 0;
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const c = byId[i];
      const r = ranks[base + c];
      if (r > 0) {
        tier[r * n + tierLen[r]++] = c;
        if (r > k) k = r;
        bytes += idLen[c];
      }
    }
    lineBytes[g] = bytes;
    let len = 0;
    for (let r = 1; r <= k; r++) {
      const size = tierLen[r];
      tierLen[r] = 0;
      for (let j = 0; j < size; j++) seq[base + len++] = tokenRank[3 * tier[r * n + j] + (j < size - 1 ? 1 : r < k ? 2 : 0)];
    }
    return len;
  };
  for (let g = 0; g < groups; g++) {
    const len = tokenize(g);
    if (len === 0) continue;
    seqLen[g] = len;
    let key = 0;
    for (let j = 0; j < packed; j++) key = key * tokenBase + (j < len ? seq[g * n + j] : 0);
    keys[lines] = key * indexBase + lines;
    lineGroup[lines++] = g;
  }

  // 2. Sort the lines. One native Float64Array sort (no comparator, no calls
  // back into JS) orders nearly all of them by their packed keys; only runs
  // sharing a whole packed prefix need the rest of their tokens compared.
  // Equal lines (only possible in a set that was not folded) stay in g order.
  const sortedKeys = keys.subarray(0, lines).sort();
  const order = new Int32Array(lines);
  for (let k = 0; k < lines; k++) order[k] = lineGroup[sortedKeys[k] % indexBase];
  const compare = (g: number, h: number): number => {
    const lg = seqLen[g];
    const lh = seqLen[h];
    for (let j = packed; j < lg || j < lh; j++) {
      const a = j < lg ? seq[g * n + j] : 0;
      const b = j < lh ? seq[h * n + j] : 0;
      if (a !== b) return a - b;
    }
    return 0;
  };
  const prefix = (k: number) => Math.floor(sortedKeys[k] / indexBase);
  for (let k = 0; k < lines; ) {
    let e = k + 1;
    while (e < lines && prefix(e) === prefix(k)) e++;
    if (e - k > 1) order.subarray(k, e).sort((g, h) => compare(g, h) || g - h);
    k = e;
  }

  // 3. Merge equal lines, which are now adjacent (and share a packed prefix),
  // adding weights in g order.
  const unique = new Int32Array(lines);
  const weight = new Float64Array(lines);
  let uniques = 0;
  for (let k = 0; k < lines; k++) {
    const g = order[k];
    if (uniques > 0 && prefix(k) === prefix(k - 1) && compare(unique[uniques - 1], g) === 0) weight[uniques - 1] += weights[g];
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
  const final = new Int32Array(uniques);
  for (let u = 0; u < uniques; u++) final[wCount[wRank[u]]++] = u;
  // The weight texts by rank, flat: weightBytes[weightAt[w] ... weightAt[w + 1]].
  const weightAt = new Int32Array(byWeight.length + 1);
  byWeight.forEach(([, b], w) => (weightAt[w + 1] = weightAt[w] + b.length));
  const weightBytes = new Uint8Array(weightAt[byWeight.length]);
  byWeight.forEach(([, b], w) => weightBytes.set(b, weightAt[w]));

  // 5. Write it out. Token bytes by rank, flat: tokenBytes[tokenAt[t] ... tokenAt[t + 1]].
  const tokenAt = new Int32Array(3 * n + 2);
  for (let t = 0; t < 3 * n; t++) tokenAt[tokenRank[t] + 1] = idBytes[(t / 3) | 0].length + 1;
  for (let r = 1; r <= 3 * n; r++) tokenAt[r + 1] += tokenAt[r];
  const tokenBytes = new Uint8Array(tokenAt[3 * n + 1]);
  for (let t = 0; t < 3 * n; t++) {
    const b = idBytes[(t / 3) | 0];
    const at = tokenAt[tokenRank[t]];
    tokenBytes.set(b, at);
    tokenBytes[at + b.length] = t % 3 === 0 ? 10 : SEP[t % 3];
  }
  write(enc.encode(`hustings-ballots-v1\ncandidates ${[...ids].sort().join(" ")}\n`));
  // Lines go out through one small buffer, whole lines at a time: it stays in
  // cache, where a buffer for all 10 MB at once cost page faults and misses.
  let longest = 0;
  for (let u = 0; u < uniques; u++) longest = Math.max(longest, weightAt[wRank[u] + 1] - weightAt[wRank[u]] + lineBytes[unique[u]]);
  const out = new Uint8Array(Math.max(1 << 16, longest));
  let p = 0;
  for (let f = 0; f < uniques; f++) {
    const u = final[f];
    if (p + weightAt[wRank[u] + 1] - weightAt[wRank[u]] + lineBytes[unique[u]] > out.length) {
      write(out.subarray(0, p));
      p = 0;
    }
    for (let b = weightAt[wRank[u]], e = weightAt[wRank[u] + 1]; b < e; b++) out[p++] = weightBytes[b];
    const at = unique[u] * n;
    for (let j = 0, len = seqLen[unique[u]]; j < len; j++) {
      const t = seq[at + j];
      for (let b = tokenAt[t], e = tokenAt[t + 1]; b < e; b++) out[p++] = tokenBytes[b];
    }
  }
  if (p > 0) write(out.subarray(0, p));
  return true;
}

/**
 * How sort keys are packed: the first `packed` token ranks of a line as digits
 * in base tokenBase (0 past the end of the line, which sorts a line before its
 * extensions), then the line number in base indexBase, all below 2^53 so the
 * double holds it exactly and distinct lines never share a key. A vast election
 * may get packed = 0: every line then shares one run and is compared token by token.
 */
function keyPacking(maxToken: number, lines: number): { packed: number; tokenBase: number; indexBase: number } {
  let tokenBits = 1;
  while (2 ** tokenBits <= maxToken) tokenBits++;
  let indexBits = 1;
  while (2 ** indexBits < lines) indexBits++;
  return { packed: Math.max(0, Math.floor((53 - indexBits) / tokenBits)), tokenBase: 2 ** tokenBits, indexBase: 2 ** indexBits };
}

/** Each ballot's ranks renumbered 1..k with no gaps: the same tiers in the same order. */
function denseRanks(ranks: Int32Array, n: number): Int32Array {
  const out = new Int32Array(ranks.length);
  for (let base = 0; base < ranks.length; base += n) {
    const row = ranks.subarray(base, base + n);
    const distinct = [...new Set(row)].filter((r) => r > 0).sort((a, b) => a - b);
    for (let c = 0; c < n; c++) out[base + c] = row[c] > 0 ? distinct.indexOf(row[c]) + 1 : 0;
  }
  return out;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const m = Math.min(a.length, b.length);
  for (let i = 0; i < m; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
