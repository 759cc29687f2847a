import { describe, expect, it } from "vitest";
import { BodyObfuscator } from "../../src/log/body-obfuscator.js";
import { obfuscateAllButFirst, obfuscateWithFixedLength } from "../../src/log/obfuscation-rule.js";

const JSON_TYPE = "application/json";
const obfuscate = (body: string, contentType: string | undefined = JSON_TYPE): string =>
  BodyObfuscator.DEFAULT.obfuscateBody(body, contentType);
const json = (value: unknown): string => JSON.stringify(value);

describe("BodyObfuscator default rules", () => {
  it("masks the card data of a payment request at any depth", () => {
    const body = json({
      operationId: "op-1",
      cardPaymentData: {
        cardData: {
          cardNumber: "4111111111111111",
          cardSecurityCode: "123",
          expiryDate: "122030",
          cardSequenceNumber: 1,
        },
        ecommerceData: {
          addressVerificationData: { cardholderAddress: "Main Street 1", cardholderPostalCode: "1000" },
          threeDSecure: { authenticationValue: "AAABBEg0VhI0VniQEjRWAAAAAAA=", eci: "05" },
        },
        networkTokenData: { cryptogram: "AgAAAAAABk4DWZ4C28yUQAAAAAA=", eci: "07" },
      },
      merchant: { name: "Shop", address: "Rue 2", city: "Brussels", postalCode: "1000", stateCode: "NY" },
    });
    expect(JSON.parse(obfuscate(body))).toEqual({
      operationId: "op-1",
      cardPaymentData: {
        cardData: {
          cardNumber: "************1111",
          cardSecurityCode: "***",
          expiryDate: "**2030",
          cardSequenceNumber: 1,
        },
        ecommerceData: {
          addressVerificationData: { cardholderAddress: "*************", cardholderPostalCode: "****" },
          threeDSecure: { authenticationValue: "AAAB************************", eci: "05" },
        },
        networkTokenData: { cryptogram: "AgAA************************", eci: "07" },
      },
      merchant: { name: "****", address: "*****", city: "********", postalCode: "****", stateCode: "**" },
    });
  });

  it("masks the card-present data: track 2, EMV values (not tags), PIN block and PIN keys", () => {
    const body = json({
      pointOfSaleData: {
        track2Data: ";4111111111111111=2512101123456789?",
        emvData: [
          { tag: "5A", value: "4111111111111111" },
          { tag: "57", value: "4111111111111111D25121011234" },
        ],
        onlinePinData: {
          encryptedPinBlock: "0123456789ABCDEF",
          pinBlockFormat: 4,
          pinEncryptionData: { pinEncryptionType: "DUKPT", keySerialNumber: "FFFF9876543210E00001" },
        },
      },
      other: [
        { pinEncryptionType: "AES_UKPT", keyGeneration: 2, randomValue: "00112233445566778899AABBCCDDEEFF" },
        { pinEncryptionType: "ZPK", zonePinKeyId: "ZPK-7" },
      ],
    });
    const out = obfuscate(body);
    expect(JSON.parse(out)).toEqual({
      pointOfSaleData: {
        track2Data: "*".repeat(35),
        emvData: [
          { tag: "5A", value: "*".repeat(16) },
          { tag: "57", value: "*".repeat(28) },
        ],
        onlinePinData: {
          encryptedPinBlock: "*".repeat(16),
          pinBlockFormat: 4,
          pinEncryptionData: { pinEncryptionType: "DUKPT", keySerialNumber: "*".repeat(20) },
        },
      },
      other: [
        { pinEncryptionType: "AES_UKPT", keyGeneration: 2, randomValue: "*".repeat(32) },
        { pinEncryptionType: "ZPK", zonePinKeyId: "*****" },
      ],
    });
  });

  it("masks response data and OAuth2 tokens, and leaves already-truncated card data readable", () => {
    const body = json({
      references: { paymentAccountReference: "5001ABCDEFGHIJKLMNOPQRSTUVWXY", schemeTransactionId: "abc" },
      cardPaymentData: { pointOfSaleData: { panLast4Digits: "1111" } },
      paymentMethodData: { maskedIdentifier: "411111******1111" },
      dcc: { bin: "411111111111" },
      access_token: "eyJhbGciOiJSUzI1NiJ9.e30.sig",
      refresh_token: "r-123",
      token_type: "Bearer",
      expires_in: 300,
    });
    expect(JSON.parse(obfuscate(body))).toEqual({
      references: { paymentAccountReference: "5001AB***********************", schemeTransactionId: "abc" },
      cardPaymentData: { pointOfSaleData: { panLast4Digits: "1111" } },
      paymentMethodData: { maskedIdentifier: "411111******1111" },
      dcc: { bin: "411111******" },
      access_token: "********",
      refresh_token: "********",
      token_type: "Bearer",
      expires_in: 300,
    });
  });

  it("masks bare numbers and booleans as strings, leaves null alone", () => {
    expect(
      obfuscate('{"cardNumber":4111111111111111,"name":true,"city":null,"cardSecurityCode":-1.5e3}'),
    ).toBe('{"cardNumber":"************1111","name":"****","city":null,"cardSecurityCode":"******"}');
  });

  it("masks every scalar inside an array or object under a sensitive name", () => {
    const out = obfuscate(json({ cardNumber: ["4111111111111111", { x: 5555555555554444, y: [true] }] }));
    expect(JSON.parse(out)).toEqual({
      cardNumber: ["************1111", { x: "************4444", y: ["true"] }],
    });
    const nested = obfuscate(json({ address: { city: "Paris", countryCode: "FR", lines: ["1 rue X"] } }));
    expect(JSON.parse(nested)).toEqual({ address: { city: "*****", countryCode: "**", lines: ["*******"] } });
  });

  it("matches property names case-sensitively, after unescaping", () => {
    expect(obfuscate('{"CardNumber":"4111-1111"}')).toBe('{"CardNumber":"4111-1111"}');
    expect(obfuscate('{"card\\u004Eumber":"4111\\u00311111"}')).toBe('{"card\\u004Eumber":"*****1111"}');
  });

  it("masks a card number quoted in free text under any key", () => {
    expect(obfuscate('{"detail":"card 4111 1111 1111 1111 was declined","n":4111111111111111}')).toBe(
      '{"detail":"card **** **** **** 1111 was declined","n":"************1111"}',
    );
  });

  it("re-encodes masked values so the body stays valid JSON", () => {
    const body = BodyObfuscator.DEFAULT.obfuscateBody('{"name":"J\\"o\\u00EBl"}', JSON_TYPE);
    expect(body).toBe('{"name":"*****"}');
    const quoting = new BodyObfuscator({ name: () => 'a"b\\c' }).obfuscateBody('{"name":"x"}', JSON_TYPE);
    expect(JSON.parse(quoting)).toEqual({ name: 'a"b\\c' });
  });

  it("copies everything else through byte for byte, whitespace included", () => {
    const body =
      '{\n  "amount" : { "amount": 1e2, "currencyCode":"EUR" },\n  "list": [ ], "o": {}, "t": [true,false,null]\n}';
    expect(obfuscate(body)).toBe(body);
    expect(obfuscate(' "just a string" ')).toBe(' "just a string" ');
  });
});

describe("BodyObfuscator additional rules", () => {
  it("adds rules and replaces default ones by name", () => {
    const obfuscator = new BodyObfuscator({
      merchantReference: obfuscateWithFixedLength(3),
      cardNumber: obfuscateAllButFirst(6),
    });
    const out = obfuscator.obfuscateBody(
      json({ merchantReference: "order-42", cardNumber: "4111111111111111", cardSecurityCode: "123" }),
      JSON_TYPE,
    );
    expect(JSON.parse(out)).toEqual({
      merchantReference: "***",
      cardNumber: "411111**********",
      cardSecurityCode: "***",
    });
    expect(
      BodyObfuscator.DEFAULT.obfuscateBody(json({ merchantReference: "order-42" }), JSON_TYPE),
    ).toContain("order-42");
  });

  it("rejects a rule that is not a function, naming the property", () => {
    expect(() => new BodyObfuscator({ cardNumber: "all" as never })).toThrow(
      /rule for property 'cardNumber' must be a function/,
    );
  });

  it("drops the whole body when a custom rule throws or returns a non-string", () => {
    const throwing = new BodyObfuscator({
      cardNumber: () => {
        throw new Error("boom");
      },
    });
    const body = json({ a: "visible", cardNumber: "4111111111111111" });
    expect(throwing.obfuscateBody(body, JSON_TYPE)).toBe(
      `<${body.length} characters not logged: an obfuscation rule failed>`,
    );
    const wrongType = new BodyObfuscator({ cardNumber: (() => undefined) as never });
    expect(wrongType.obfuscateBody(body, JSON_TYPE)).not.toContain("4111");
  });
});

describe("BodyObfuscator fails closed", () => {
  it("never shows a truncated sensitive value and says how much was dropped", () => {
    const full = json({ cardNumber: "4111111111111111", cardSecurityCode: "123", operationId: "x" });
    for (let length = 1; length < full.length; length++) {
      const out = obfuscate(full.slice(0, length));
      expect(out).not.toMatch(/41111|"12|"123/);
      expect(out).toMatch(/<\d+ characters? not logged: .* at offset \d+>$/);
    }
    expect(obfuscate('{"cardNumber":"4111111111111111","cvv')).toBe(
      '{"cardNumber":"************1111",<4 characters not logged: unterminated string at offset 33>',
    );
    expect(obfuscate('{"cardSecurityCode":"12')).toBe(
      '{"cardSecurityCode":<3 characters not logged: unterminated string at offset 20>',
    );
  });

  it("drops a bare number cut off at the end rather than masking the wrong digits", () => {
    expect(obfuscate('{"cardNumber":41111111')).toBe(
      '{"cardNumber":<8 characters not logged: unexpected end of JSON at offset 14>',
    );
    expect(obfuscate('{"amount":[12')).toBe(
      '{"amount":[<2 characters not logged: unexpected end of JSON at offset 11>',
    );
    expect(obfuscate("12")).toBe("12");
  });

  it("does not log text that is not JSON", () => {
    expect(obfuscate("cardNumber=4111111111111111", "text/plain")).toBe(
      "<27 characters not logged: unexpected character at offset 0>",
    );
    expect(obfuscate("<html>4111111111111111</html>", "text/html")).not.toContain("4111");
    expect(obfuscate("{'cardNumber':'4111111111111111'}")).toBe(
      "{<32 characters not logged: expected a property name at offset 1>",
    );
  });

  it.each([
    ['{"a":1}{"cardNumber":"4111111111111111"}', "unexpected text after the JSON value at offset 7"],
    ['{"cardSecurityCode":0123}', "expected ',' or '}' at offset 21"],
    ['{"x":"a\nb","cardNumber":"4111111111111111"}', "control character in string at offset 5"],
    ['{"x":"\\q4111111111111111"}', "invalid escape in string at offset 5"],
    ['{"x":01}', "expected ',' or '}' at offset 6"],
    ['{"x":-}', "invalid number at offset 5"],
    ['{"x":1.}', "invalid number at offset 5"],
    ['{"x":tru}', "invalid literal at offset 5"],
    ['{"x":1,}', "expected a property name at offset 7"],
    ["[1,2", "unexpected end of JSON at offset 3"],
    ["[1,2 x", "expected ',' or ']' at offset 5"],
  ])("rejects %j (%s)", (body, reason) => {
    const out = obfuscate(body);
    expect(out).toContain(`not logged: ${reason}>`);
    expect(out).not.toContain("4111");
  });

  it("stops at absurd nesting instead of overflowing the stack", () => {
    const deep = "[".repeat(100_000) + '"4111111111111111"' + "]".repeat(100_000);
    expect(obfuscate(deep)).toMatch(/nesting too deep at offset 256>$/);
    const sensitiveDeep = `{"cardNumber":${"[".repeat(300)}"4111111111111111"${"]".repeat(300)}}`;
    expect(obfuscate(sensitiveDeep)).not.toContain("4111");
  });
});

describe("BodyObfuscator content types", () => {
  it("masks the OAuth2 token request's client_secret, re-encoded", () => {
    const body =
      "grant_type=client_credentials&client_id=my-client&client_secret=s3cr%2Bt%26x&scope=processing_payment+services_ping";
    expect(obfuscate(body, "application/x-www-form-urlencoded; charset=UTF-8")).toBe(
      "grant_type=client_credentials&client_id=my-client&client_secret=********&scope=processing_payment+services_ping",
    );
  });

  it("masks form fields by decoded name, with custom rules too", () => {
    const obfuscator = new BodyObfuscator({ "my field": obfuscateAllButFirst(1) });
    expect(
      obfuscator.obfuscateBody(
        "my+field=a%20b&client%5Fsecret=xyz&flag&=",
        "application/x-www-form-urlencoded",
      ),
    ).toBe("my+field=a**&client%5Fsecret=********&flag&=");
  });

  it("does not log form fields after invalid percent encoding", () => {
    const out = obfuscate("client_id=a&client_secret=%E0%A4%A&scope=x", "application/x-www-form-urlencoded");
    expect(out).toBe("client_id=a&<30 characters not logged: invalid form encoding at offset 12>");
  });

  it("logs binary content types as <binary content>", () => {
    for (const type of [
      "application/pdf",
      "image/png",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
    ]) {
      expect(obfuscate("%PDF-1.4 4111111111111111", type)).toBe("<binary content>");
    }
  });

  it("treats text, JSON and XML types and a missing type as JSON text", () => {
    const body = json({ cardNumber: "4111111111111111" });
    for (const type of [
      undefined,
      "text/plain",
      "application/problem+json",
      "APPLICATION/JSON; charset=utf-8",
      "application/xml",
    ]) {
      expect(obfuscate(body, type)).toBe('{"cardNumber":"************1111"}');
    }
    expect(obfuscate("", "application/json")).toBe("");
  });
});
