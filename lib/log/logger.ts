// One structured (JSON lines) logger for the server. Log shippers parse JSON;
// people running `npm start` can pipe through any pino pretty-printer.
//
// THE RULE: no log line carries a voter together with a ballot (PRODUCT §6).
// Anyone with the logs must not learn how someone voted, and every line has a
// timestamp, so two lines written in the same moment are as good as one:
//   - ballot code (cast, view, replace, export) never logs anything that
//     identifies a ballot: not its id, ranking, receipt code or receipt hash
//     (the hash is published with the ballots after the count). It may log
//     "a ballot was cast in election X" and who voted, because the roll says
//     that anyway; never a child logger binding the user next to ballot data.
//   - the paths below are redacted as a second line of defence, not as a
//     licence to pass such objects to the logger.
// Secrets (tokens, cookies, client secrets, receipt codes) are redacted for the
// usual reasons.
import pino from "pino";
import { LOG_LEVELS, type LogLevel } from "@/lib/config/env";

const SENSITIVE_KEYS = [
  // credentials and sessions
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "token",
  "sessionToken",
  "access_token",
  "refresh_token",
  "id_token",
  "authorization",
  "cookie",
  "NEXTAUTH_SECRET",
  "RECEIPT_SECRET",
  "AUDIT_SECRET",
  "GITHUB_SECRET",
  "OIDC_CLIENT_SECRET",
  "DATABASE_URL",
  "DATABASE_OWNER_URL",
  // ballot content and what unlocks it
  "receipt",
  "receiptCode",
  "receiptHash",
  "ranking",
  "ballot",
  "ballots",
];

// pino's redaction matches exact paths; cover the key at the top level and one
// or two objects deep (`{ err: { config: { token } } }`, `{ req: { headers: { cookie } } }`).
const paths = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

// Read directly rather than through env(): a logger must never be the thing that
// throws at import. `npm start` has already rejected a bad LOG_LEVEL by name.
function level(): LogLevel {
  const v = process.env.LOG_LEVEL?.trim();
  return v && (LOG_LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : process.env.NODE_ENV === "test" ? "silent" : "info";
}

export const logger = pino({
  level: level(),
  base: { app: "hustings" },
  redact: { paths, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
