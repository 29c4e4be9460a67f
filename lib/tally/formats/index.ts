// Election files in and out: Hustings JSON, Elekto ballots CSV, BLT.
export { detectFormat, parseElection, type ElectionFormat } from "./detect";
export { parseHustingsJson, parseHustingsJsonInput, toHustingsJson } from "./hustings-json";
export { parseElektoCsv, toElektoCsv } from "./elekto-csv";
export { parseBlt, toBlt, slug } from "./blt";
export type { ElectionOptions } from "./common";
