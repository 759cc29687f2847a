import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BodyObfuscator } from "../../src/log/body-obfuscator.js";

interface SpecField {
  name: string;
  type: string;
  ref?: string;
}
interface Spec {
  models: Record<string, { fields?: SpecField[] }>;
  sdkOnlyTypes: Record<string, { fields?: SpecField[] }>;
}

const spec = JSON.parse(
  readFileSync(new URL("../../spec/acquiring-v1.json", import.meta.url), "utf8"),
) as Spec;

/** Words (of a camelCase or snake_case name) that make a field look sensitive. */
const SENSITIVE_WORDS = new Set([
  "card",
  "cardholder",
  "pan",
  "cvv",
  "cvc",
  "security",
  "track",
  "track1",
  "track2",
  "emv",
  "pin",
  "key",
  "random",
  "cryptogram",
  "secret",
  "token",
  "password",
  "authentication",
  "expiry",
  "bin",
  "account",
  "tax",
  "value",
  "name",
  "address",
  "postal",
  "city",
  "state",
  "email",
  "phone",
]);

/** Fields that look sensitive but are logged in clear on purpose, with the reason. */
const READABLE: Record<string, string> = {
  addressVerificationResult: "AVS result code returned by the issuer",
  cardCountryCode: "issuing country of the card, not cardholder data",
  cardEntryMode: "how the card was read (CHIP, ECOMMERCE...)",
  cardOnFileInitiator: "who initiated a card-on-file payment (MERCHANT/CARDHOLDER)",
  cardReadingCapabilities: "terminal capabilities",
  cardSecurityCodeResult: "CVV check result code, not the CVV",
  cardSequenceNumber:
    "PAN sequence number (1-2 digits): not cardholder data per PCI DSS, needed to debug EMV",
  cardholderActivatedTerminalLevel: "terminal type code",
  cardholderVerificationMethod: "CVM used (PIN, signature...), not the PIN",
  fileName: "dispute document file name, chosen by the merchant",
  isResponseToPinRequest: "flag",
  keyGeneration: "generation number of the master key, not key material",
  merchantCity: "merchant's own location in dispute data",
  merchantName: "merchant's own trading name in dispute data",
  panLast4Digits: "already truncated to the last 4 digits, which PCI DSS allows to show",
  pinBlockFormat: "ISO 9564 format number (0-4)",
  pinEncryptionType: "discriminator AES_UKPT/DUKPT/ZPK",
  pinEntryCapability: "terminal capability code",
  pinRetryCounter: "number of PIN tries left, not the PIN",
  retailerName: "marketplace retailer's trading name",
  customerServiceEmail: "merchant's public customer-service contact",
  customerServicePhoneNumber: "merchant's public customer-service contact",
};

/** Sensitive names outside the spec's models: the OAuth2 token request and response (§3). */
const OAUTH2_SECRETS = ["client_secret", "access_token", "refresh_token"];

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_]+/);
}

function allFields(): Map<string, SpecField[]> {
  const byName = new Map<string, SpecField[]>();
  for (const model of [...Object.values(spec.models), ...Object.values(spec.sdkOnlyTypes)]) {
    for (const field of model.fields ?? [])
      byName.set(field.name, [...(byName.get(field.name) ?? []), field]);
  }
  return byName;
}

const isScalar = (field: SpecField): boolean =>
  (field.ref === undefined && !(field.type in spec.models) && !field.type.endsWith("[]")) ||
  field.type === "string[]";

const fields = allFields();
const sensitive = [...fields.keys()]
  .filter((name) => words(name).some((word) => SENSITIVE_WORDS.has(word)))
  .sort();
const scalarSensitive = sensitive.filter((name) => fields.get(name)!.some(isScalar));

function sampleBody(name: string): { body: string; value: string } {
  const integer = fields.get(name)?.every((field) => field.type === "integer") ?? false;
  const value = integer ? "987654321" : "Zq7-SECRET-9876543210";
  return { body: `{"outer":{"${name}":${integer ? value : JSON.stringify(value)}}}`, value };
}

describe("default body rules cover the spec", () => {
  it("finds the fields this test is about", () => {
    expect(scalarSensitive).toEqual(
      expect.arrayContaining(["cardNumber", "track2Data", "encryptedPinBlock", "value"]),
    );
    expect(scalarSensitive.length).toBeGreaterThan(30);
  });

  it.each(scalarSensitive.filter((name) => !(name in READABLE)))("masks %s", (name) => {
    const { body, value } = sampleBody(name);
    const out = BodyObfuscator.DEFAULT.obfuscateBody(body, "application/json");
    expect(out).not.toContain(value);
    expect(out).toContain("*");
  });

  it.each(OAUTH2_SECRETS)("masks the OAuth2 field %s", (name) => {
    const out = BodyObfuscator.DEFAULT.obfuscateBody(
      `{"${name}":"Zq7-SECRET-9876543210"}`,
      "application/json",
    );
    expect(out).toBe(`{"${name}":"********"}`);
  });

  it.each(Object.entries(READABLE))("leaves %s readable (%s)", (name) => {
    expect(fields.has(name), `${name} is no longer in the spec: drop it from READABLE`).toBe(true);
    const { body } = sampleBody(name);
    expect(BodyObfuscator.DEFAULT.obfuscateBody(body, "application/json")).toBe(body);
  });

  it("lists only sensitive-looking fields as readable", () => {
    for (const name of Object.keys(READABLE)) expect(sensitive, name).toContain(name);
  });
});
