import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BodyObfuscator } from "../../src/log/body-obfuscator.js";

const obfuscator = BodyObfuscator.DEFAULT;
const JSON_TYPE = "application/json";

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(""));
const pan = fc
  .tuple(fc.constantFrom("4", "51", "37", "6011"), digits(11, 14))
  .map(([prefix, body]) => `${prefix}${body}`.slice(0, 18))
  .map((partial) => `${partial}${luhnCheckDigit(partial)}`);
const hex = (length: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(..."0123456789ABCDEF"), { minLength: length, maxLength: length })
    .map((cs) => cs.join(""));
/** Always holds a digit, which the noise below never has, so it cannot match by chance. */
const token = fc
  .tuple(
    fc.constantFrom(..."0123456789"),
    fc.string({ unit: fc.constantFrom(..."abcdefXYZ0123456789+/="), minLength: 20, maxLength: 40 }),
  )
  .map(([d, rest]) => `${d}${rest}`);

/** A secret placed under a sensitive key, and the parts of it that must never show. */
interface Placed {
  entry: Record<string, unknown>;
  hidden: string[];
}

const placed: fc.Arbitrary<Placed> = fc.oneof(
  pan.map((p) => ({ entry: { cardNumber: p }, hidden: [p.slice(0, -4)] })),
  pan.map((p) => ({ entry: { cardNumber: Number(p) }, hidden: [String(Number(p)).slice(0, -4)] })),
  fc.tuple(pan, digits(4, 4), digits(3, 3), digits(5, 12)).map(([p, expiry, service, discretionary]) => {
    const track2 = `;${p}=${expiry}${service}${discretionary}?`;
    return { entry: { track2Data: track2 }, hidden: [track2.slice(1), p.slice(0, -4)] };
  }),
  pan.map((p) => ({
    entry: {
      emvData: [
        { tag: "5A", value: p },
        { tag: "9F02", value: "000000001000" },
      ],
    },
    hidden: [p],
  })),
  hex(16).map((block) => ({ entry: { encryptedPinBlock: block }, hidden: [block] })),
  hex(20).map((ksn) => ({ entry: { keySerialNumber: ksn }, hidden: [ksn] })),
  hex(32).map((random) => ({ entry: { randomValue: random }, hidden: [random] })),
  token.map((t) => ({ entry: { authenticationValue: t }, hidden: [t.slice(4)] })),
  token.map((t) => ({ entry: { cryptogram: t }, hidden: [t.slice(4)] })),
  token.map((t) => ({ entry: { client_secret: t }, hidden: [t] })),
  token.map((t) => ({ entry: { access_token: t }, hidden: [t] })),
  pan.map((p) => ({ entry: { cardNumber: [p, { nested: p }] }, hidden: [p.slice(0, -4)] })),
  // Short values are checked by the pattern test below, not by substring.
  digits(3, 4).map((cvv) => ({ entry: { cardSecurityCode: cvv }, hidden: [] })),
  digits(6, 6).map((expiry) => ({ entry: { expiryDate: expiry }, hidden: [] })),
);

/** No digits in strings and no number above 99, so no noise can contain a secret. */
const noiseLeaf = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ é-_<>{}[],:"\\/\n\t\u2028😀'), maxLength: 8 }),
  fc.integer({ min: 0, max: 99 }),
  fc.boolean(),
  fc.constant(null),
);
const noiseKey = fc.constantFrom("a", "list", "merchantReference", "data", "tag", "operationId", "amount");
const { noise } = fc.letrec<{ noise: unknown }>((tie) => ({
  noise: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    noiseLeaf,
    fc.array(tie("noise"), { maxLength: 3 }),
    fc.dictionary(noiseKey, tie("noise"), { maxKeys: 3 }),
  ),
}));

/** Wraps a value in random objects and arrays, with noise alongside. */
const wrapper = fc.array(fc.tuple(fc.constantFrom("object", "array"), noiseKey, noise), { maxLength: 5 });
function wrap(value: unknown, layers: [string, string, unknown][]): unknown {
  return layers.reduce<unknown>(
    (inner, [kind, key, extra]) => (kind === "array" ? [extra, inner] : { [key]: inner, z: extra }),
    value,
  );
}

const document = fc
  .tuple(
    fc.array(fc.tuple(placed, wrapper), { minLength: 1, maxLength: 6 }),
    noise,
    fc.constantFrom(0, 2, "\t"),
  )
  .map(([items, extra, indent]) => {
    const body = JSON.stringify(
      { extra, items: items.map(([p, layers]) => wrap(p.entry, layers)) },
      null,
      indent,
    );
    return { body, hidden: items.flatMap(([p]) => p.hidden) };
  });

/** A masked value starts with `*`; a clear one with a digit. */
const CLEAR_SHORT_VALUE = /"(cardSecurityCode|expiryDate)"\s*:\s*"?\d/;
const NOTE = /<\d+ characters? not logged: [^<>]*>$/;

function expectNoSecret(out: string, hidden: string[]): void {
  for (const part of hidden) expect(out).not.toContain(part);
  expect(out).not.toMatch(CLEAR_SHORT_VALUE);
}

describe("BodyObfuscator properties", () => {
  it("never logs a secret placed under a sensitive key at any depth", () => {
    fc.assert(
      fc.property(document, ({ body, hidden }) => {
        for (const part of hidden) expect(body).toContain(part);
        const out = obfuscator.obfuscateBody(body, JSON_TYPE);
        expectNoSecret(out, hidden);
        expect(() => JSON.parse(out) as unknown).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("logs a truncated body as a prefix of the full body's obfuscation, plus a note", () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), ({ body, hidden }, cuts) => {
        const full = obfuscator.obfuscateBody(body, JSON_TYPE);
        for (const cut of cuts) {
          const out = obfuscator.obfuscateBody(body.slice(0, cut % body.length), JSON_TYPE);
          expectNoSecret(out, hidden);
          const note = NOTE.exec(out);
          if (cut % body.length === 0) continue;
          expect(note, out).not.toBeNull();
          expect(full.startsWith(out.slice(0, out.length - note![0].length))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never throws, whatever the text and content type", () => {
    const contentType = fc.constantFrom(
      undefined,
      JSON_TYPE,
      "text/plain",
      "application/x-www-form-urlencoded",
    );
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[]":,0123456789-+.eE \\utrfnl\n&=%'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), jsonish),
        contentType,
        (text, type) => {
          expect(typeof obfuscator.obfuscateBody(text, type)).toBe("string");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("leaves bodies without sensitive keys exactly as they are", () => {
    fc.assert(
      fc.property(noise, fc.constantFrom(0, 2), (value, indent) => {
        const body = JSON.stringify(value, null, indent);
        expect(obfuscator.obfuscateBody(body, JSON_TYPE)).toBe(body);
      }),
      { numRuns: 300 },
    );
  });

  it("masks the client secret of any form-encoded token request", () => {
    fc.assert(
      fc.property(token, fc.string({ maxLength: 20 }), (secret, clientId) => {
        const body = new URLSearchParams({
          grant_type: "client_credentials",
          client_id: clientId,
          client_secret: secret,
          scope: "processing_payment services_ping",
        }).toString();
        const out = obfuscator.obfuscateBody(body, "application/x-www-form-urlencoded");
        expect(out).not.toContain(encodeURIComponent(secret));
        expect(out).not.toContain(new URLSearchParams({ s: secret }).toString().slice(2));
        expect(new URLSearchParams(out).get("client_secret")).toBe("********");
        expect(new URLSearchParams(out).get("client_id")).toBe(clientId);
      }),
      { numRuns: 300 },
    );
  });
});
