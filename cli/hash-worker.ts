// The ballot hash on a second thread, for `hustings tally` (see cli/hash-thread.ts):
// one request, one digest, then the thread ends. Bundled by scripts/build-cli.mjs
// into cli/dist/hash-worker.mjs, just the canonical-text code and node:crypto, so
// the thread starts quickly.
import { parentPort, workerData } from "node:worker_threads";
import { ballotHash } from "../lib/tally/ballot-set";
import { HASH_DONE, HASH_FAILED, type HashRequest } from "./hash-thread";

const state = new Int32Array(workerData.shared as SharedArrayBuffer, 0, 1);
const digest = new Uint8Array(workerData.shared as SharedArrayBuffer, 4, 64);

parentPort!.once("message", ({ n, groups, ranks, weights, ids }: HashRequest) => {
  // Anything short of a digest leaves HASH_FAILED, and the counting thread hashes by itself.
  let outcome = HASH_FAILED;
  try {
    const hex = ballotHash({ n, groups, ranks, weights }, ids);
    for (let i = 0; i < 64; i++) digest[i] = hex.charCodeAt(i); // hex digits: one byte each
    outcome = HASH_DONE;
  } catch {
    // Reported through `outcome`.
  }
  Atomics.store(state, 0, outcome);
  Atomics.notify(state, 0);
  parentPort!.close();
});
