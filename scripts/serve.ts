// The production HTTP server, started by scripts/start.ts in place of
// `next start`: Next.js's documented custom server (next({ dev: false }) and
// its request handler) with two things `next start` cannot do.
//   1. The client's address. Next.js fills X-Forwarded-For from the socket only
//      when the header is absent, so without a proxy a client picks its own
//      address and with it a fresh rate-limit bucket per request. Here it is
//      computed from the socket and HUSTINGS_TRUSTED_PROXY_HOPS and passed in a
//      header of our own (lib/rate-limit/client-address.ts).
//   2. Request bodies: a small limit everywhere and a larger one only on the
//      upload pages, and no deeply nested action arguments
//      (lib/security/request-body.ts); 413 / 400 instead of Next's 500.
import http, { IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { loadEnv } from "../lib/config/env";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "../lib/rate-limit/client-address";
import { bodyLimitFor, describeLimit, MAX_NESTING, nestingDepth } from "../lib/security/request-body";

const ROOT = path.resolve(import.meta.dirname, "..");
const config = loadEnv(process.env);
const hops = config.trustedProxyHops;

const app = next({ dev: false, dir: ROOT, port: config.port });
const handle = app.getRequestHandler();

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// A refused body is still read (and dropped) up to this much, so a client that
// sends its whole body before reading the answer gets the answer; past it, the
// connection is cut.
const DRAIN_LIMIT = 32 * 1024 * 1024;

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${message}\n`);
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) req.socket.destroy();
  });
  req.resume();
}

const tooLarge = (limit: number) => `Request body too large: at most ${describeLimit(limit)} here.`;

function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers["content-length"]);
  return Number.isFinite(declared) && declared > limit;
}

/** Reads the body within `limit` bytes; null once it is larger (the rest is left to refuse()). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.off("end", onEnd);
      req.pause();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on("data", onData);
    req.on("end", onEnd);
    req.once("error", reject);
  });
}

/** A request Next.js reads as usual, whose body is the one already read. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.httpVersion = req.httpVersion;
  copy.headers = { ...req.headers, "content-length": String(body.length) };
  delete copy.headers["transfer-encoding"];
  copy.rawHeaders = req.rawHeaders;
  copy.push(body);
  copy.push(null);
  // As the HTTP parser marks a fully received request; otherwise Node treats the
  // end of this stream as an aborted upload and destroys the socket.
  copy.complete = true;
  return copy;
}

const pathnameOf = (req: IncomingMessage) => new URL(req.url ?? "/", "http://localhost").pathname;

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Whatever the client sent under our header's name is discarded first.
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);

  if (!METHODS_WITH_BODY.has(req.method ?? "GET")) return handle(req, res);
  const limit = bodyLimitFor(pathnameOf(req));
  if (declaredTooLarge(req, limit)) return refuse(req, res, 413, tooLarge(limit));
  const body = await readBody(req, limit);
  if (!body) return refuse(req, res, 413, tooLarge(limit));
  if (nestingDepth(body, req.headers["content-type"]) > MAX_NESTING) {
    refuse(req, res, 400, `Request body nested too deeply: at most ${MAX_NESTING} levels.`);
    return;
  }
  return handle(replay(req, body), res);
}

await app.prepare();
const server = http.createServer((req, res) => {
  serve(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end();
  });
});
// A client that asks before sending its body (Expect: 100-continue) learns at once that it is too large.
server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
  const limit = bodyLimitFor(pathnameOf(req));
  if (declaredTooLarge(req, limit)) {
    res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
    res.end(`${tooLarge(limit)}\n`);
    return;
  }
  res.writeContinue();
  server.emit("request", req, res);
});
// Longer than a load balancer's idle timeout (often 60 s), so it never reuses a connection we closed.
server.keepAliveTimeout = 65_000;
server.listen(config.port, () => console.log(`[hustings] listening on port ${config.port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running after this are cut off; start.ts waits 10 s more before SIGKILL.
    setTimeout(() => process.exit(0), 8_000).unref();
  });
}
