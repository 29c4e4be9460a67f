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

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  // The client may still be sending; closing the connection stops it without reading the rest.
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
  res.end(`${message}\n`);
  req.resume();
}

/** Reads the body within `limit` bytes; null if it is larger (and the answer is sent). */
async function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  const tooLarge = `Request body too large: at most ${describeLimit(limit)} here.`;
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    refuse(req, res, 413, tooLarge);
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      refuse(req, res, 413, tooLarge);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
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

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Whatever the client sent under our header's name is discarded first.
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);

  if (!METHODS_WITH_BODY.has(req.method ?? "GET")) return handle(req, res);
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  const body = await readBody(req, res, bodyLimitFor(pathname));
  if (!body) return;
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
