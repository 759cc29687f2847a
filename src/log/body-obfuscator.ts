import { obfuscateForm } from "./obfuscate-form.js";
import { obfuscateJson } from "./obfuscate-json.js";
import type { ObfuscationRule } from "./obfuscation-rule.js";
import {
  mergeRules,
  obfuscateAll,
  obfuscateAllButFirst,
  obfuscateAllButLast,
  obfuscateWithFixedLength,
} from "./obfuscation-rule.js";

/*
 * Default rules, by property name at any depth (case-sensitive). The first block is the official
 * SDKs' table; the second covers what they miss. Length-keeping rules are used where the length
 * helps debugging and reveals nothing; credentials get a fixed length.
 *
 * | property                   | rule             | why                                                          |
 * |----------------------------|------------------|--------------------------------------------------------------|
 * | address                    | all              | official table (merchant / service location address)         |
 * | cardholderAddress          | all              | official table; cardholder personal data (AVS)               |
 * | cardholderPostalCode       | all              | official table; cardholder personal data (AVS)               |
 * | cardSecurityCode           | all              | official table; CVV/CVC is sensitive authentication data     |
 * | city                       | all              | official table                                               |
 * | name                       | all              | official table                                               |
 * | postalCode                 | all              | official table                                               |
 * | stateCode                  | all              | official table                                               |
 * | cardNumber                 | all but last 4   | official table; PAN, network token or DPAN (PCI DSS 3.4)     |
 * | expiryDate                 | all but last 4   | official table; MMYYYY keeps the year only                   |
 * | authenticationValue        | all but first 4  | official table; 3-D Secure CAVV/AAV                          |
 * | cryptogram                 | all but first 4  | official table; network token cryptogram                     |
 * | bin                        | all but first 6  | official table; the API sends 12 digits, 6 are the real BIN  |
 * | paymentAccountReference    | all but first 6  | official table; PAR is a stable per-card identifier          |
 * |----------------------------|------------------|--------------------------------------------------------------|
 * | track2Data                 | all              | full magnetic stripe track: PAN, expiry, service code, CVV1  |
 * | value                      | all              | EMV data item value (only `EmvDataItem` has `value`): may be |
 * |                            |                  | tag 57/5A/5F24/5F20/9F6B, i.e. track 2, PAN, expiry, name;   |
 * |                            |                  | `tag` is kept so the log still shows which items were sent   |
 * | encryptedPinBlock          | all              | PIN block: PCI PIN forbids logging it, even encrypted        |
 * | keySerialNumber            | all              | DUKPT KSN: not secret by itself but it is PIN-path key data  |
 * |                            |                  | that ties a PIN block to its key; no place in a log          |
 * | randomValue                | all              | AES UKPT session key derivation input                        |
 * | zonePinKeyId               | all              | identifies the PIN encryption key; PIN-path key data         |
 * | taxId                      | all              | sole-trader sub-merchants' tax id is personal data           |
 * | client_secret              | fixed 8          | OAuth2 token request (form-encoded) credential               |
 * | access_token               | fixed 8          | OAuth2 token response: a bearer credential                   |
 * | refresh_token              | fixed 8          | OAuth2 credential, should a token response ever carry one    |
 *
 * Left readable on purpose: `panLast4Digits` and `maskedIdentifier` (already truncated as PCI DSS
 * allows), `cardSequenceNumber` (PAN sequence number, not cardholder data), `tag`, `eci`,
 * `directoryServerTransactionId` (3-D Secure transaction UUID, needed to trace a transaction),
 * `client_id`, `authorizationCode`, references and ids, and card/PIN capability or mode fields.
 * test/log/spec-coverage.test.ts keeps this list and the spec in step.
 */
const DEFAULT_RULES: ReadonlyMap<string, ObfuscationRule> = (() => {
  const all = obfuscateAll();
  const allButLast4 = obfuscateAllButLast(4);
  const allButFirst4 = obfuscateAllButFirst(4);
  const allButFirst6 = obfuscateAllButFirst(6);
  const fixed8 = obfuscateWithFixedLength(8);
  return new Map<string, ObfuscationRule>([
    ["address", all],
    ["cardholderAddress", all],
    ["cardholderPostalCode", all],
    ["cardSecurityCode", all],
    ["city", all],
    ["name", all],
    ["postalCode", all],
    ["stateCode", all],
    ["cardNumber", allButLast4],
    ["expiryDate", allButLast4],
    ["authenticationValue", allButFirst4],
    ["cryptogram", allButFirst4],
    ["bin", allButFirst6],
    ["paymentAccountReference", allButFirst6],
    ["track2Data", all],
    ["value", all],
    ["encryptedPinBlock", all],
    ["keySerialNumber", all],
    ["randomValue", all],
    ["zonePinKeyId", all],
    ["taxId", all],
    ["client_secret", fixed8],
    ["access_token", fixed8],
    ["refresh_token", fixed8],
  ]);
})();

/**
 * Obfuscates request and response bodies before they are logged: the values of sensitive
 * properties (see the default rules above) are masked, in one pass over the text.
 *
 * - JSON (and any body whose Content-Type is absent, `text/*` or contains `json` or `xml`) is
 *   scanned as JSON: values of properties with a rule are masked at any depth, and an array or
 *   object under such a property has every scalar inside masked. Text that is not valid JSON,
 *   including a truncated body, is never logged in clear: from the first invalid character on it
 *   is replaced by `<N characters not logged: ...>`.
 * - `application/x-www-form-urlencoded` bodies have the values of fields with a rule masked.
 * - Any other Content-Type is binary and logged as `<binary content>`.
 */
export class BodyObfuscator {
  /** An obfuscator with the default rules only. */
  static readonly DEFAULT: BodyObfuscator = new BodyObfuscator();

  readonly #rules: ReadonlyMap<string, ObfuscationRule>;

  /**
   * @param additionalRules - rules by exact (case-sensitive) property name, added to the defaults
   *   or replacing the default rule of the same name.
   * @throws TypeError when a rule is not a function.
   */
  constructor(additionalRules?: Readonly<Record<string, ObfuscationRule>>) {
    this.#rules = mergeRules(DEFAULT_RULES, additionalRules, "property");
  }

  /**
   * Returns the body as it may be logged. Never throws for any input.
   * @param body - the body text.
   * @param contentType - the Content-Type header value, if any.
   */
  obfuscateBody(body: string, contentType?: string): string {
    if (body === "") return body;
    if (contentType !== undefined) {
      const type = contentType.toLowerCase();
      if (type.includes("x-www-form-urlencoded")) return obfuscateForm(body, this.#rules);
      if (!type.startsWith("text/") && !type.includes("json") && !type.includes("xml"))
        return "<binary content>";
    }
    return obfuscateJson(body, this.#rules);
  }
}
