// The ballot hash (SHA-256 of the canonical ballot text, lib/tally/ballot-set.ts)
// is about a third of re-counting a large election, and nothing in a Schulze or
// Ranked Pairs count needs it until the result is assembled. So for a large
// file the CLI hands the parsed ballots to a worker thread (started before
// parsing, so its start-up overlaps too) and counts on this thread meanwhile.
//
// The engine stays synchronous and free of threads: it gets a function
// (CompiledElection.ballotHash) that blocks on a shared flag until the worker
// has written the digest. If the worker fails in any way, that function hashes
// here instead, so the output never depends on the thread.
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { ballotHash } from "../lib/tally/ballot-set";
import type { BallotSet } from "../lib/tally/types";

export const HASH_PENDING = 0;
export const HASH_DONE = 1;
export const HASH_FAILED = 2;

/** How long to wait for a worker that has gone silent (crashed) before hashing here. */
const GIVE_UP_MS = 60_000;

export interface HashRequest extends BallotSet {
  ids: string[];
}

/** Starts hashing a ballot set; the returned function waits for the hex digest. */
export type HashThread = (set: BallotSet, ids: string[]) => () => string;

/**
 * Starts the worker, or returns null when it is not there: running from the
 * TypeScript sources (tests) rather than the bundle, next to which
 * scripts/build-cli.mjs writes hash-worker.mjs.
 */
export function startHashThread(): HashThread | null {
  const url = new URL("./hash-worker.mjs", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(url)) return null;
  // Int32 [0]: HASH_PENDING / DONE / FAILED; then 64 bytes of hex digest.
  const shared = new SharedArrayBuffer(4 + 64);
  const state = new Int32Array(shared, 0, 1);
  // This thread stays busy (parsing, counting) and never sees a worker "error"
  // event before it waits, so the worker's module is loaded by a bootstrap
  // that reports a failure to load through the shared flag too.
  const bootstrap = `import(${JSON.stringify(url.href)}).catch(() => {
    const state = new Int32Array(require("node:worker_threads").workerData.shared, 0, 1);
    Atomics.store(state, 0, ${HASH_FAILED});
    Atomics.notify(state, 0);
  });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { shared } });
  // Failures reach the counting thread through `state`; an error event must not also end the process.
  worker.on("error", () => {});
  // Never keep the process alive for it: by the time it exits the hash is in or the count failed.
  worker.unref();
  return (set, ids) => {
    // Shared memory: one copy here, instead of a structured clone that the
    // worker would then have to rebuild (megabytes, on the critical path).
    const request: HashRequest = { n: set.n, groups: set.groups, ranks: shareCopy(set.ranks), weights: shareCopy(set.weights), ids };
    worker.postMessage(request);
    let hex: string | null = null;
    return () => {
      if (hex === null) {
        Atomics.wait(state, 0, HASH_PENDING, GIVE_UP_MS);
        hex = Atomics.load(state, 0) === HASH_DONE ? new TextDecoder().decode(new Uint8Array(shared, 4, 64)) : ballotHash(set, ids);
      }
      return hex;
    };
  };
}

function shareCopy<T extends Int32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}
