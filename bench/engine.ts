// The engine as the benchmark sees it, bundled by scripts/build-cli.mjs into
// cli/dist/engine.mjs so `node bench/tally.mjs` needs no TypeScript loader.
export { parseElektoCsv } from "../lib/tally/formats/elekto-csv";
export { pairwiseMatrix } from "../lib/tally/pairwise";
export { tallyCompiled } from "../lib/tally/index";
export { ballotHash } from "../lib/tally/ballot-set";
