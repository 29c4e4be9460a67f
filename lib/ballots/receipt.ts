// Receipt codes (PRODUCT §6): 100 random bits the voter keeps; the database
// keeps only an HMAC of them, so a dump cannot be matched to a code without
// the server's secret, and the code cannot be recovered from the hash.
import { createHmac, randomBytes } from "node:crypto";
import { InvalidInputError } from "@/lib/errors";

// Crockford's base32: no I, L, O, U, so a code read aloud or retyped survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 20;

/** "7K3Q-M9XD-…": 20 symbols × 5 bits, grouped by four for reading. */
export function newReceiptCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = "";
  for (let i = 0; i < LENGTH; i++) {
    code += ALPHABET[bytes[i] & 31];
    if (i % 4 === 3 && i < LENGTH - 1) code += "-";
  }
  return code;
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

function receiptSecret(): string {
  const secret = process.env.RECEIPT_SECRET;
  if (!secret || secret.length < 16) {
    throw new Error("RECEIPT_SECRET is not set (or shorter than 16 characters): set it to a long random string; ballots cannot be cast without it.");
  }
  return secret;
}

export function receiptHash(code: string): string {
  return createHmac("sha256", receiptSecret()).update(normalizeReceipt(code)).digest("hex");
}
