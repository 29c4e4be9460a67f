// Limits on request bodies, applied by the server (scripts/serve.ts) before
// Next.js reads them. Next.js has one body limit for every server action and
// answers 500 when it is exceeded, and React decodes action arguments
// recursively, so a deeply nested argument overflows the stack (500 again).
// Here both become a clear 413 / 400 before any app code runs.

const MiB = 1024 * 1024;

/** Every action and form post: a ballot or a declaration is a few kilobytes. */
export const DEFAULT_BODY_LIMIT = 1 * MiB;
/** Pages that upload files: the Kata folder (5 MiB of files) and an electorate, plus multipart framing. */
export const UPLOAD_BODY_LIMIT = 6 * MiB;

const UPLOAD_PATHS = [/^\/admin\/import\/?$/, /^\/c\/[^/]+\/elections\/[^/]+\/manage\/electorate\/?$/];

/** Deeper than any argument the app takes (a ballot is an array of arrays). */
export const MAX_NESTING = 256;

export function bodyLimitFor(pathname: string): number {
  return UPLOAD_PATHS.some((p) => p.test(pathname)) ? UPLOAD_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

export function describeLimit(bytes: number): string {
  return `${bytes / MiB} MB`;
}

/**
 * The deepest nesting of JSON arrays/objects in a body. Multipart bodies are
 * measured per field, skipping uploaded files (their text is not parsed as JSON).
 */
export function nestingDepth(body: Buffer, contentType: string | undefined): number {
  const boundary = /^multipart\/form-data\b.*?;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? "");
  if (!boundary) return jsonDepth(body, 0, body.length);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let deepest = 0;
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    const next = body.indexOf(delimiter, partStart);
    const partEnd = next === -1 ? body.length : next;
    const headersEnd = body.indexOf("\r\n\r\n", partStart);
    if (headersEnd !== -1 && headersEnd < partEnd) {
      const partHeaders = body.subarray(partStart, headersEnd).toString("latin1");
      if (!/filename\s*=/i.test(partHeaders)) deepest = Math.max(deepest, jsonDepth(body, headersEnd + 4, partEnd));
    }
    start = next;
  }
  return deepest;
}

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function jsonDepth(body: Buffer, from: number, to: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = from; i < to; i++) {
    const c = body[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > deepest) deepest = depth;
    } else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && depth > 0) {
      depth--;
    }
  }
  return deepest;
}
