// One castBallotAction call over HTTP, encoded as the browser encodes it.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { PORT, REQUEST_TIMEOUT_MS } from "./config";
import { run, type Voter } from "./state";

export interface CastResult {
  ok: boolean;
  receipt?: string;
  error?: string;
  status: number;
  ms: number;
}

export function randomRanking(): string[][] {
  const ids = [...run.candidateIds];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const keep = 1 + Math.floor(Math.random() * ids.length); // rank 1..6 of them
  const tiers: string[][] = [];
  for (const id of ids.slice(0, keep)) {
    if (tiers.length > 0 && Math.random() < 0.2) tiers[tiers.length - 1].push(id); // occasional tie
    else tiers.push([id]);
  }
  return tiers;
}

const RECEIPT_RE = /"ok":true,"receipt":"([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})"/;
const ERROR_RE = /"ok":false,"error":"((?:[^"\\]|\\.)*)"/;

export function cast(agent: http.Agent, voter: Voter, sentAt = performance.now(), rawBody?: string): Promise<CastResult> {
  // React's encodeReply of plain JSON arguments is their JSON text (strings starting with "$" would
  // be escaped as "$$"; ids and rankings here never start with "$"). The bound election id comes first.
  // The submission id names one press of the button (a retry would resend it); one per request here.
  const body = rawBody ?? JSON.stringify([run.electionId, randomRanking(), randomUUID().replace(/-/g, "")]);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: "127.0.0.1",
        port: PORT,
        method: "POST",
        path: run.pathname,
        headers: {
          Accept: "text/x-component",
          "Next-Action": run.actionId,
          "Next-Router-State-Tree": run.routerState,
          "Content-Type": "text/plain;charset=UTF-8",
          "Content-Length": Buffer.byteLength(body),
          Origin: `http://localhost:${PORT}`,
          Host: `localhost:${PORT}`,
          Cookie: voter.cookie,
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          const ms = performance.now() - sentAt;
          const m = RECEIPT_RE.exec(text);
          if (res.statusCode === 200 && m) return resolve({ ok: true, receipt: m[1], status: 200, ms });
          const e = ERROR_RE.exec(text);
          resolve({ ok: false, status: res.statusCode ?? 0, error: e ? JSON.parse(`"${e[1]}"`) : `HTTP ${res.statusCode}: ${text.slice(0, 160)}`, ms });
        });
        res.on("error", (err) => resolve({ ok: false, status: 0, error: err.message, ms: performance.now() - sentAt }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (err) => resolve({ ok: false, status: 0, error: err.message, ms: performance.now() - sentAt }));
    req.end(body);
  });
}
