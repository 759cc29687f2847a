import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigurationException } from "../../src/config/configuration-exception.js";
import { parseProperties } from "../../src/config/properties-file.js";
import { ApiException } from "../../src/errors/api-exception.js";
import { MarshallerSyntaxException } from "../../src/errors/marshaller-syntax-exception.js";
import { maskCardNumbers } from "../../src/errors/mask-card-numbers.js";
import { ResponseException } from "../../src/errors/response-exception.js";
import { DefaultMarshaller } from "../../src/json/default-marshaller.js";
import { BodyObfuscator } from "../../src/log/body-obfuscator.js";
import { HeaderObfuscator } from "../../src/log/header-obfuscator.js";
import { renderedViews } from "./rendered-views.js";

/** Characters and fragments that parsers trip over, mixed with arbitrary UTF-16 (lone surrogates too). */
const FRAGMENTS = [
  "[",
  "]",
  "{",
  "}",
  '"',
  "\\",
  "\\u",
  "\\uD800",
  ":",
  ",",
  "=",
  "#",
  ";",
  " ",
  "\t",
  "\r",
  "\n",
  "\r\n",
  "\n\r",
  "\uFEFF",
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\u2028",
  "%",
  "%2",
  "&",
  "+",
  "0",
  "-0",
  "1e999",
  "4111111111111111",
  "true",
  "nul",
  "[AcquiringSDK]",
  "[Other]",
  "acquiring.api.connectTimeout",
  '"cardNumber":',
  '"value":',
  "client_secret=",
];

const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 8 })), {
    maxLength: 120,
  })
  .map((parts) => parts.join(""));

const CONTENT_TYPES = [
  undefined,
  "application/json",
  "application/problem+json; charset=utf-8",
  "text/html",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "",
];

const MB = 1024 * 1024;

/** Pathological inputs of about 1 MB (or 100 000 levels deep). */
const HUGE: Record<string, string> = {
  "deep arrays": "[".repeat(100_000) + "]".repeat(100_000),
  "deep objects": '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000),
  "deep under a sensitive key": '{"cardNumber":' + "[".repeat(100_000) + "]".repeat(100_000) + "}",
  "unclosed arrays": "[".repeat(MB),
  "digit run": "4".repeat(MB),
  "card numbers": "4111111111111111 ".repeat(MB / 17),
  "spaced digits": "4 ".repeat(MB / 2),
  "escapes in a string": '{"detail":"' + "\\u0000\\n".repeat(MB / 8) + '"}',
  "escaped key": '{"' + "\\u0041".repeat(MB / 6) + '":1}',
  "NUL bytes": "\u0000".repeat(MB),
  "lone surrogates": "\uD800".repeat(MB / 2) + "\uDC00x".repeat(MB / 4),
  BOMs: "\uFEFF".repeat(MB),
  "CRLF mix": "\r\n\r\r\n\n".repeat(MB / 6),
  "one long line": "k" + "=".repeat(MB),
  "properties section with a long line":
    "[AcquiringSDK]\r\nacquiring.api.integrator=" + "v #;".repeat(MB / 4),
  "properties with many keys":
    "[AcquiringSDK]\n" + Array.from({ length: 50_000 }, (_, i) => `k${i}=v`).join("\n"),
  "white space then a key": "[AcquiringSDK]\n" + " \t".repeat(MB / 2) + "k",
  "section header never closed": "[" + "[".repeat(MB),
  "percent signs": "client_secret=" + "%".repeat(MB),
  "form fields": "a=b&".repeat(MB / 4),
};

/** Runs `call` once, returning its result or what it threw, and how long it took in ms. */
function timed<T>(call: () => T): { outcome: { value: T } | { error: unknown }; ms: number } {
  const start = performance.now();
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: call() };
  } catch (error) {
    outcome = { error };
  }
  return { outcome, ms: performance.now() - start };
}

function expectResultOr(
  errorType: new (...args: never[]) => Error,
  call: () => unknown,
  budgetMs: number,
): unknown {
  const { outcome, ms } = timed(call);
  expect(ms).toBeLessThan(budgetMs);
  if ("error" in outcome) {
    expect(outcome.error).toBeInstanceOf(errorType);
    expect((outcome.error as Error).message.length).toBeLessThan(400);
    return outcome.error;
  }
  return outcome.value;
}

describe("the properties parser on hostile text", () => {
  it("gives settings or a ConfigurationException naming a line or key, never quoting a value", () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (text, withSection) => {
        const source = withSection ? `[AcquiringSDK]\n${text}\nsecretvalue=SeNtInEl-Value` : text;
        const result = expectResultOr(
          ConfigurationException,
          () => parseProperties(source, "f.properties"),
          200,
        );
        if (result instanceof ConfigurationException) {
          expect(result.message).toMatch(/^f\.properties: /);
          expect(result.message).not.toContain("SeNtInEl-Value");
        } else {
          expect(result).toBeInstanceOf(Map);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each(Object.entries(HUGE))("answers %s within 1 s", (_, text) => {
    expectResultOr(ConfigurationException, () => parseProperties(text, "f"), 1000);
    expectResultOr(ConfigurationException, () => parseProperties(`[AcquiringSDK]\n${text}`, "f"), 1000);
  });

  it("refuses a key no setting could have, without putting it in the message", () => {
    const long = "k".repeat(MB);
    for (const text of [
      `[AcquiringSDK]\n${long}=1`,
      "[AcquiringSDK]\na\u0000b=1",
      `[AcquiringSDK]\n${long}=1\n${long}=2`,
    ]) {
      expect(() => parseProperties(text, "f")).toThrow(
        /^f: line 2 has a key that is not a setting name \(longer than 200 characters or with control characters\)$/,
      );
    }
  });

  it("reads NUL bytes, lone surrogates and a BOM in values as they are", () => {
    const settings = parseProperties("\uFEFF[AcquiringSDK]\r\nk=a\u0000\uD800b\rl=x", "f");
    expect([...settings]).toEqual([
      ["k", "a\u0000\uD800b"],
      ["l", "x"],
    ]);
  });
});

describe("the marshaller on hostile bodies", () => {
  it("gives a value or a MarshallerSyntaxException that does not quote the body", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = expectResultOr(
          MarshallerSyntaxException,
          () => DefaultMarshaller.INSTANCE.unmarshal(text),
          200,
        );
        if (result instanceof MarshallerSyntaxException) {
          expect(result.message).toMatch(
            /^The body is not valid JSON \(\d+ characters\)( at position \d+)?$/,
          );
          expect(String(result.cause)).toMatch(/^SyntaxError: Invalid JSON( at position \d+)?$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each(Object.entries(HUGE))("answers %s within 1 s, without a stack overflow", (_, text) => {
    expectResultOr(MarshallerSyntaxException, () => DefaultMarshaller.INSTANCE.unmarshal(text), 1000);
  });
});

describe("the obfuscators on hostile bodies and headers", () => {
  it("always give a string, bounded in size, and never throw", () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...CONTENT_TYPES), hostileText, (text, contentType, name) => {
        const body = timed(() => BodyObfuscator.DEFAULT.obfuscateBody(text, contentType));
        expect(body.outcome).toHaveProperty("value");
        const value = (body.outcome as { value: string }).value;
        expect(typeof value).toBe("string");
        expect(value.length).toBeLessThanOrEqual(10 * text.length + 100);
        expect(body.ms).toBeLessThan(200);
        for (const header of [name, "Authorization", "set-cookie"]) {
          expect(typeof HeaderObfuscator.DEFAULT.obfuscateHeader(header, text)).toBe("string");
        }
      }),
      { numRuns: 400 },
    );
  });

  const jsonAndText = CONTENT_TYPES.filter((type) => type !== "application/x-www-form-urlencoded");
  it.each(Object.entries(HUGE))("obfuscate %s within 1 s whatever the Content-Type", (_, text) => {
    for (const contentType of jsonAndText) {
      const { outcome, ms } = timed(() => BodyObfuscator.DEFAULT.obfuscateBody(text, contentType));
      expect(ms, String(contentType)).toBeLessThan(1000);
      expect(outcome).toHaveProperty("value");
    }
    const header = timed(() => HeaderObfuscator.DEFAULT.obfuscateHeader("Authorization", text));
    expect(header.ms).toBeLessThan(1000);
  });

  it.each(Object.entries(HUGE))("obfuscate %s as a form within 1 s", (_, text) => {
    const { outcome, ms } = timed(() =>
      BodyObfuscator.DEFAULT.obfuscateBody(text, "application/x-www-form-urlencoded"),
    );
    expect(ms).toBeLessThan(1000);
    expect(outcome).toHaveProperty("value");
  });

  // A body of separators with no '=' once cost quadratic time (1 MB: ~9 s). Timing against a
  // same-size form with '=' in every field keeps the check robust on a busy machine.
  it("obfuscates a form without '=' about as fast as one with", () => {
    const form = "application/x-www-form-urlencoded";
    const withEquals = timed(() => BodyObfuscator.DEFAULT.obfuscateBody("a=&".repeat(133_334), form)).ms;
    const without = timed(() => BodyObfuscator.DEFAULT.obfuscateBody("&".repeat(400_000), form)).ms;
    expect(without).toBeLessThan(4 * withEquals + 50);
  });
});

describe("the exceptions' safe view on hostile bodies", () => {
  it("renders any body without throwing", () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...CONTENT_TYPES), (text, contentType) => {
        const errors = [
          new ApiException({ statusCode: 500, responseBody: text, detail: text, title: text, message: text }),
          new ResponseException(
            502,
            text,
            contentType === undefined ? {} : { "content-type": contentType, x: text },
            text,
          ),
        ];
        for (const error of errors) {
          for (const view of Object.values(renderedViews(error))) expect(typeof view).toBe("string");
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each(Object.entries(HUGE))("renders %s within 1 s and masks card numbers in linear time", (_, text) => {
    const { outcome, ms } = timed(() => {
      const error = new ApiException({ statusCode: 500, responseBody: text, detail: text });
      return [JSON.stringify(error), String(error), maskCardNumbers(text)];
    });
    expect(ms).toBeLessThan(1000);
    expect(outcome).toHaveProperty("value");
  });
});
