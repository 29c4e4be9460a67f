import type { CompiledElection } from "../types";
import { parseBlt } from "./blt";
import type { ElectionOptions } from "./common";
import { parseElektoCsv } from "./elekto-csv";
import { parseHustingsJson } from "./hustings-json";

export type ElectionFormat = "json" | "csv" | "blt";

/**
 * The format of an election file: the extension when it says, otherwise the
 * content. A JSON election starts with "{", a BLT file with two whole numbers
 * (candidates, seats), and anything else is taken for a CSV header.
 */
export function detectFormat(fileName: string | undefined, content: Uint8Array | string): ElectionFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "csv") return "csv";
  if (ext === "blt") return "blt";
  // Only the start matters; decoding a 100 MB file to sniff it would be waste.
  const head = typeof content === "string" ? content.slice(0, 512) : new TextDecoder().decode(content.subarray(0, 512));
  const t = head.replace(/^\uFEFF/, "").trimStart();
  if (t.startsWith("{")) return "json";
  const firstLine = t.split(/\r?\n/, 1)[0].trim();
  if (/^\d+\s+\d+$/.test(firstLine)) return "blt";
  return "csv";
}

/** Reads an election in any supported format; options override (JSON) or supply (CSV, BLT) the rules. */
export function parseElection(
  content: Uint8Array | string,
  { fileName, format, options = {} }: { fileName?: string; format?: ElectionFormat; options?: ElectionOptions } = {},
): CompiledElection {
  switch (format ?? detectFormat(fileName, content)) {
    case "json":
      return parseHustingsJson(content, options);
    case "csv":
      return parseElektoCsv(content, options);
    case "blt":
      return parseBlt(content, options);
  }
}
