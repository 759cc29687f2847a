import { createHmac, randomBytes, randomInt, randomUUID } from "node:crypto";

/** `ApiReferencesForResponses` as the sandbox fills it. */
export interface ResponseReferences {
  paymentAccountReference: string;
  retrievalReferenceNumber: string;
  schemeTransactionId: string;
}

function digits(count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(randomInt(10));
  return out;
}

const PAR_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** Keys the PAR derivation, so that a PAR cannot be brute-forced back to its card number. */
const PAR_KEY = randomBytes(32);

/**
 * The Payment Account Reference of a card: a keyed one-way derivation of its number (29
 * characters, like the schemes'), so the same card gets the same PAR within a process and the
 * number cannot be recovered from it.
 */
export function paymentAccountReferenceOf(cardNumber: string): string {
  const hash = createHmac("sha256", PAR_KEY).update(cardNumber).digest();
  let par = "5001";
  for (let i = 0; par.length < 29; i++) par += PAR_ALPHABET[(hash[i] ?? 0) % PAR_ALPHABET.length];
  return par;
}

/** Fresh scheme references for a transaction on the card with that PAR. */
export function newReferences(paymentAccountReference: string): ResponseReferences {
  return {
    paymentAccountReference,
    retrievalReferenceNumber: digits(12),
    schemeTransactionId: digits(15),
  };
}

/** A six-character issuer authorisation code. */
export function newAuthorizationCode(): string {
  return digits(6);
}

/** A new resource id (payment, refund, document, search). */
export function newResourceId(): string {
  return randomUUID();
}
