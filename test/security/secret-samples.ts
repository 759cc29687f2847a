import fc from "fast-check";

/** The Luhn check digit that completes `payload` (digits only). */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Luhn-valid card numbers of 13 to 19 digits, starting with a card network's digit (2-6). */
export const cardNumber: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 2, max: 6 }),
    fc
      .integer({ min: 13, max: 19 })
      .chain((length) => fc.string({ unit: digit(), minLength: length - 2, maxLength: length - 2 })),
  )
  .map(([first, rest]) => `${first}${rest}${luhnCheckDigit(`${first}${rest}`)}`);

/** How a card number may be written in free text: as is, or in groups of 4 split by spaces or dashes. */
export function writtenForms(pan: string): string[] {
  const groups = pan.match(/.{1,4}/g) ?? [pan];
  return [pan, groups.join(" "), groups.join("-")];
}

/** A card number as free text may carry it. */
export const writtenCardNumber: fc.Arbitrary<{ pan: string; text: string }> = fc
  .tuple(cardNumber, fc.integer({ min: 0, max: 2 }))
  .map(([pan, form]) => ({ pan, text: writtenForms(pan)[form]! }));

/** A CVV/CVC: 3 or 4 digits. */
export const cvv: fc.Arbitrary<string> = fc.string({ unit: digit(), minLength: 3, maxLength: 4 });

/** Track 2 equivalent data: `;PAN=YYMM` + service code + discretionary data + `?`. */
export const track2: fc.Arbitrary<{ pan: string; text: string }> = fc
  .tuple(cardNumber, fc.string({ unit: digit(), minLength: 11, maxLength: 16 }))
  .map(([pan, rest]) => ({ pan, text: `;${pan}=${rest}?` }));

/** An encrypted PIN block: 16 hex digits. */
export const pinBlock: fc.Arbitrary<string> = fc.string({ unit: hexDigit(), minLength: 16, maxLength: 16 });

/**
 * An OAuth2 client secret: 20 to 40 characters with URL-special ones, long enough that finding it
 * in a log cannot be chance.
 */
export const clientSecret: fc.Arbitrary<string> = fc
  .string({
    unit: fc.constantFrom(..."abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.~+/=&% "),
    minLength: 20,
    maxLength: 40,
  })
  .filter((secret) => secret.trim() === secret && /[a-z]/i.test(secret));

/** An access token: a JWT-looking string. */
export const accessToken: fc.Arbitrary<string> = fc
  .string({
    unit: fc.constantFrom(..."abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789-_"),
    minLength: 24,
    maxLength: 48,
  })
  .map((body) => `eyJ${body}.${body.slice(3)}`);

function digit(): fc.Arbitrary<string> {
  return fc.constantFrom(..."0123456789");
}

function hexDigit(): fc.Arbitrary<string> {
  return fc.constantFrom(..."0123456789ABCDEF");
}
