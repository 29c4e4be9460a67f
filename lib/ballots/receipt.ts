// Receipt codes (PRODUCT §6): 100 random bits the voter keeps. The database
// keeps only an HMAC of the code together with the voter's roll entry, so
//  - a dump cannot be matched to a code without the server's secret;
//  - a code is worth nothing in anyone else's hands: looking a ballot up needs
//    the code AND the signed-in voter's roll entry, which only the server joins.
import { createHmac, randomBytes } from "node:crypto";
import { InvalidInputError } from "@/lib/errors";

// Crockford's base32: no I, L, O, U, so a code read aloud or retyped survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 20;

function encode(bytes: Uint8Array): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) {
    code += ALPHABET[bytes[i] & 31];
    if (i % 4 === 3 && i < LENGTH - 1) code += "-";
  }
  return code;
}

/** "7K3Q-M9XD-…": 20 symbols × 5 bits, grouped by four for reading. */
export function newReceiptCode(): string {
  return encode(randomBytes(LENGTH));
}

/**
 * The code for one submission, derived rather than drawn, so that a retry of a
 * submission whose reply was lost (a dropped connection after the commit) gets
 * the very code that was stored, instead of locking the voter out. `purpose`
 * separates a first ballot from each replacement; the submission id is the
 * browser's random id for one press of the button. Only the server's secret
 * turns these into the code.
 */
export function derivedReceiptCode(entryId: string, purpose: string, submissionId: string): string {
  return encode(createHmac("sha256", receiptSecret()).update(`receipt-code\u0000${entryId}\u0000${purpose}\u0000${submissionId}`).digest());
}

/** Accepts the code as people type it: any case, with or without dashes and spaces, O for 0, I or L for 1. */
export function normalizeReceipt(code: string): string {
  const s = code
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (s.length !== LENGTH || [...s].some((ch) => !ALPHABET.includes(ch))) {
    throw new InvalidInputError("That is not a receipt code: it has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.");
  }
  return s;
}

export function receiptSecret(): string {
  const secret = process.env.RECEIPT_SECRET;
  if (!secret || secret.length < 16) {
    throw new Error("RECEIPT_SECRET is not set (or shorter than 16 characters): set it to a long random string; ballots cannot be cast without it.");
  }
  return secret;
}

/** What is stored with the ballot: bound to the roll entry that cast it, so the code alone opens nothing. */
export function receiptHash(entryId: string, code: string): string {
  return createHmac("sha256", receiptSecret()).update(`${entryId}:${normalizeReceipt(code)}`).digest("hex");
}
