import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { BodyObfuscator } from "../../src/log/body-obfuscator.js";
import { HeaderObfuscator } from "../../src/log/header-obfuscator.js";
import { obfuscateAll } from "../../src/log/obfuscation-rule.js";
import { RequestLogMessage } from "../../src/log/request-log-message.js";
import { ResponseLogMessage } from "../../src/log/response-log-message.js";

const ID = "6b1c2e5a-7d0e-4b9e-9a53-2f0e6b8c9d10";

describe("RequestLogMessage", () => {
  it("lays out a request with a body, obfuscated", () => {
    const message = new RequestLogMessage(ID, "POST", "/processing/v1/acq/mer/payments?x=1")
      .addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig")
      .addHeader("Content-Type", "application/json")
      .setBody('{"cardPaymentData":{"cardData":{"cardNumber":"4111111111111111"}}}', "application/json");
    expect(message.getMessage()).toBe(
      [
        `Outgoing request (requestId='${ID}'):`,
        "  method:       'POST'",
        "  uri:          '/processing/v1/acq/mer/payments?x=1'",
        '  headers:      Authorization="********", Content-Type="application/json"',
        "  content-type: 'application/json'",
        `  body:         '{"cardPaymentData":{"cardData":{"cardNumber":"************1111"}}}'`,
      ].join("\n"),
    );
    expect(message.requestId).toBe(ID);
    expect(message.method).toBe("POST");
    expect(message.uri).toBe("/processing/v1/acq/mer/payments?x=1");
    expect(message.headers).toEqual([
      { name: "Authorization", value: "********" },
      { name: "Content-Type", value: "application/json" },
    ]);
    expect(message.body).toBe('{"cardPaymentData":{"cardData":{"cardNumber":"************1111"}}}');
    expect(message.contentType).toBe("application/json");
  });

  it("masks a card number put in the path, and holds the path in clear where neither inspect nor JSON shows it", () => {
    const message = new RequestLogMessage(ID, "GET", "/processing/v1/acq/mer/payments/4111111111111111?x=1");
    const masked = "/processing/v1/acq/mer/payments/************1111?x=1";
    expect(inspect(message, { depth: 5, showHidden: true })).not.toContain("4111111111111111");
    expect(JSON.stringify(message)).not.toContain("4111111111111111");
    expect(message.uri).toBe(masked);
    expect(message.getMessage()).toContain(`  uri:          '${masked}'`);
    expect(message.getMessage()).not.toContain("4111111111111111");
  });

  it("omits the content-type and body lines without a body", () => {
    const message = new RequestLogMessage(ID, "GET", "/services/v1/ping");
    expect(message.getMessage()).toBe(
      `Outgoing request (requestId='${ID}'):\n  method:       'GET'\n  uri:          '/services/v1/ping'\n  headers:      `,
    );
    message.setBody(undefined, "application/json");
    expect(message.body).toBeUndefined();
    expect(message.getMessage()).not.toContain("body:");
  });

  it("logs a multipart upload as binary content", () => {
    const message = new RequestLogMessage(
      ID,
      "POST",
      "/dispute-management/v1/a/m/disputes/d/files",
    ).setBinaryBody("multipart/form-data; boundary=abc");
    expect(message.getMessage()).toContain(
      "\n  content-type: 'multipart/form-data; boundary=abc'\n  body:         '<binary content>'",
    );
  });

  it("uses the given obfuscators", () => {
    const message = new RequestLogMessage(ID, "POST", "/x", {
      body: new BodyObfuscator({ merchantReference: obfuscateAll() }),
      header: new HeaderObfuscator({ "X-Custom": obfuscateAll() }),
    })
      .addHeader("X-Custom", "abc")
      .setBody('{"merchantReference":"ref-1"}', undefined);
    expect(message.getMessage()).toContain('headers:      X-Custom="***"');
    expect(message.getMessage()).toContain(
      "content-type: ''\n  body:         '{\"merchantReference\":\"*****\"}'",
    );
  });
});

describe("ResponseLogMessage", () => {
  it("lays out a response with duration, headers and body", () => {
    const message = new ResponseLogMessage(ID, 201, 12.6)
      .addHeader("Content-Type", "application/json")
      .addHeader("Set-Cookie", "session=abc")
      .setBody(
        '{"paymentId":"p1","references":{"paymentAccountReference":"5001ABCDEFGH"}}',
        "application/json",
      );
    expect(message.getMessage()).toBe(
      [
        `Incoming response (requestId='${ID}', 13 ms):`,
        "  status-code:  '201'",
        '  headers:      Content-Type="application/json", Set-Cookie="********"',
        "  content-type: 'application/json'",
        `  body:         '{"paymentId":"p1","references":{"paymentAccountReference":"5001AB******"}}'`,
      ].join("\n"),
    );
    expect([message.statusCode, message.durationMs]).toEqual([201, 12.6]);
  });

  it.each([undefined, -1, Number.NaN])("uses the short first line when the duration is %s", (duration) => {
    const message = new ResponseLogMessage(ID, 204, duration);
    expect(message.durationMs).toBeUndefined();
    expect(message.getMessage()).toBe(
      `Incoming response (requestId='${ID}'):\n  status-code:  '204'\n  headers:      `,
    );
  });

  it("logs a binary download by content type", () => {
    const message = new ResponseLogMessage(ID, 200, 5).setBody("%PDF-1.7 ...", "application/pdf");
    expect(message.body).toBe("<binary content>");
  });

  it("builds the text only on demand, from state obfuscated on entry", () => {
    const message = new ResponseLogMessage(ID, 400, 1);
    message.setBody('{"cardNumber":"4111111111111111"', "application/json");
    expect(message.body).toBe(
      '{"cardNumber":"************1111"<0 characters not logged: unexpected end of JSON at offset 32>',
    );
    message.addHeader("X-Late", "1");
    expect(message.getMessage()).toContain('headers:      X-Late="1"');
  });

  it("keeps nothing in clear that inspect or JSON.stringify could show", () => {
    const message = new ResponseLogMessage(ID, 200, 1)
      .addHeader("Authorization", "Bearer s3cret-token")
      .setBody('{"cardNumber":"4111111111111111","cardSecurityCode":"737"}', "application/json");
    for (const shown of [inspect(message, { showHidden: true, depth: null }), JSON.stringify(message)]) {
      expect(shown).not.toContain("s3cret-token");
      expect(shown).not.toContain("411111111111");
      expect(shown).not.toContain("737");
    }
  });
});
