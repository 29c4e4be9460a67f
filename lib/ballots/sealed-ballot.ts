// The seal on a pending ballot (schema: PendingBallot). A pending row is
// written in the casting transaction, so PostgreSQL gives it the same hidden
// transaction id as the voter's Participation row; what it says must therefore
// be unreadable without a key that is not in the database. AES-256-GCM under a
// key derived from RECEIPT_SECRET; the election id is authenticated with it, so
// a sealed ballot cannot be moved to another election, and a row forged with
// database access alone fails to open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { receiptSecret } from "./receipt";

export interface PendingItem {
  ranking: string[][];
  receiptHash: string;
  /** The receipt hash of the ballot this one replaces. */
  supersedes?: string;
}

const VERSION = 1;

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", receiptSecret(), "hustings", "pending-ballot-seal-v1", 32));
}

export function sealBallot(electionId: string, item: PendingItem): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(electionId));
  const body = Buffer.concat([cipher.update(JSON.stringify(item), "utf8"), cipher.final()]);
  const out = new Uint8Array(1 + 12 + 16 + body.length);
  out[0] = VERSION;
  out.set(iv, 1);
  out.set(cipher.getAuthTag(), 13);
  out.set(body, 29);
  return out;
}

/** The item, or null when the row was not sealed by this server for this election. */
export function openBallot(electionId: string, sealed: Uint8Array): PendingItem | null {
  if (sealed.length < 30 || sealed[0] !== VERSION) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), sealed.subarray(1, 13));
    decipher.setAAD(Buffer.from(electionId));
    decipher.setAuthTag(sealed.subarray(13, 29));
    const text = Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString("utf8");
    const item = JSON.parse(text) as PendingItem;
    if (!Array.isArray(item.ranking) || typeof item.receiptHash !== "string") return null;
    return item;
  } catch {
    return null;
  }
}
