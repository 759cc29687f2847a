import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiException } from "../../src/errors/api-exception.js";
import { AuthorizationException } from "../../src/errors/authorization-exception.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { IdempotenceException } from "../../src/errors/idempotence-exception.js";
import { MarshallerSyntaxException } from "../../src/errors/marshaller-syntax-exception.js";
import { NotFoundException } from "../../src/errors/not-found-exception.js";
import { OAuth2Exception } from "../../src/errors/oauth2-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { PlatformException } from "../../src/errors/platform-exception.js";
import { redactSecrets } from "../../src/errors/redact-secrets.js";
import { ResponseException } from "../../src/errors/response-exception.js";
import { ValidationException } from "../../src/errors/validation-exception.js";
import { renderedViews, viewsContaining } from "./rendered-views.js";

const PAN = "4111111111111111";
const SPACED_PAN = "4111 1111 1111 1111";
const CVV = "737";
const TRACK2 = ";5555555555554444=2512101123400001?";
const PIN_BLOCK = "A1B2C3D4E5F60718";

const cardBody = JSON.stringify({
  type: "https://errors.example/card",
  title: `Card ${PAN} refused`,
  status: 400,
  detail: `cardNumber ${SPACED_PAN} is invalid`,
  instance: `/payments/${PAN}`,
  requestId: "req-1",
  cardPaymentData: {
    cardData: { cardNumber: PAN, cardSecurityCode: CVV, track2Data: TRACK2 },
    pinData: { encryptedPinBlock: PIN_BLOCK },
  },
});

function apiInit(): ConstructorParameters<typeof ApiException>[0] {
  return {
    statusCode: 400,
    responseBody: cardBody,
    type: "https://errors.example/card",
    title: `Card ${PAN} refused`,
    status: 400,
    detail: `cardNumber ${SPACED_PAN} is invalid`,
    instance: `/payments/${PAN}`,
    requestId: "req-1",
    message: `The Worldline Acquiring platform returned an error response: 400 for GET /payments/${PAN}`,
  };
}

function expectNoCardData(error: Error): void {
  for (const needle of [PAN, SPACED_PAN, "4111-1111-1111-1111", "5555555555554444", PIN_BLOCK]) {
    expect(viewsContaining(error, needle), needle).toEqual([]);
  }
  for (const [name, text] of Object.entries(renderedViews(error))) {
    expect(text, name).not.toMatch(new RegExp(`cardSecurityCode\\W+${CVV}`));
  }
}

describe("API exceptions", () => {
  it.each([ApiException, ValidationException, AuthorizationException, PlatformException])(
    "%o shows card data in no rendering, yet keeps every field readable as received",
    (type) => {
      const error = new type(apiInit());
      expectNoCardData(error);
      expect(error.responseBody).toBe(cardBody);
      expect(error.detail).toBe(`cardNumber ${SPACED_PAN} is invalid`);
      expect(error.title).toBe(`Card ${PAN} refused`);
      expect(error.instance).toBe(`/payments/${PAN}`);
      expect(error).toMatchObject({ statusCode: 400, status: 400, requestId: "req-1", type: apiInit().type });
    },
  );

  it("renders the masked fields, keeping the last 4 digits and what is not card data", () => {
    const error = new PlatformException({ ...apiInit(), statusCode: 503 });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({
      name: "PlatformException",
      statusCode: 503,
      title: "Card ************1111 refused",
      detail: "cardNumber **** **** **** 1111 is invalid",
      instance: "/payments/************1111",
      requestId: "req-1",
    });
    expect(json["responseBody"]).toContain('"cardSecurityCode":"***"');
    expect(json["responseBody"]).toContain('"cardNumber":"************1111"');
    expect(error.message).toBe(
      "The Worldline Acquiring platform returned an error response: 400 for GET /payments/************1111",
    );
    expect(String(error)).toMatch(/^PlatformException: .*; statusCode=503; responseBody='\{"type"/);
    expect(inspect(error)).toContain("detail: 'cardNumber **** **** **** 1111 is invalid'");
  });

  it("keeps the raw body fields off the enumerable own properties", () => {
    const error = new IdempotenceException({ ...apiInit(), idempotenceKey: "op-1" });
    expect(Object.keys(error).sort()).toEqual(["idempotenceKey", "name", "statusCode"]);
    expect({ ...error }).not.toHaveProperty("responseBody");
    expect(error.idempotenceKey).toBe("op-1");
    expectNoCardData(error);
  });

  it("withholds a body that is not JSON rather than guess what in it is sensitive", () => {
    const body = `{"detail":"cvv ${CVV}", "cardSecurityCode": ${CVV}, oops`;
    const error = new ApiException({ statusCode: 500, responseBody: body });
    expect(JSON.parse(JSON.stringify(error))["responseBody"]).toMatch(
      /^\{"detail":"cvv 737", "cardSecurityCode": "\*\*\*", <\d+ characters not logged/,
    );
  });

  it("masks card numbers in a validation issue's path and the message built from it", () => {
    const error = ValidationException.beforeSending("processPayment (POST /payments)", [
      {
        path: `$.cardPaymentData["${PAN}"]`,
        rule: "additionalProperties",
        message: "is not a property of CardData",
      },
    ]);
    expect(error.issues[0]!.path).toContain(PAN);
    expectNoCardData(error);
    expect(error.message).toContain('$.cardPaymentData["************1111"]');
  });
});

describe("response, communication and token exceptions", () => {
  it.each([ResponseException, NotFoundException])(
    "%o withholds a gateway page and masks credential headers",
    (type) => {
      const page = `<html><p>card ${PAN}, cvv ${CVV}</p><pre>${TRACK2}</pre></html>`;
      const error = new type(502, page, {
        "content-type": "text/html",
        "set-cookie": ["session=abc", "lb=def"],
        "x-echo": `card ${PAN}`,
      });
      expectNoCardData(error);
      expect(viewsContaining(error, CVV)).toEqual([]);
      expect(viewsContaining(error, "session=abc")).toEqual([]);
      expect(error.body).toBe(page);
      expect(error.getHeader("Set-Cookie")).toBe("session=abc, lb=def");
      expect(error.headers["x-echo"]).toBe(`card ${PAN}`);
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        name: type.name,
        message: "The server returned a non-API error response with status 502",
        statusCode: 502,
        body: `<${page.length} characters not logged: unexpected character at offset 0>`,
        headers: { "content-type": "text/html", "set-cookie": "********", "x-echo": "card ************1111" },
      });
      expect(Object.keys(error).sort()).toEqual(["name", "statusCode"]);
    },
  );

  it("renders an SDK exception in a cause chain by its safe view, and masks a foreign cause's card data", () => {
    const api = new PlatformException(apiInit());
    const foreign = new Error(`socket said ${PAN}`);
    const outcome = new OutcomeUnknownException(`POST /payments failed: ${SPACED_PAN}`, "op-7", {
      cause: api,
    });
    const communication = new CommunicationException("GET /x failed", { cause: foreign });
    expectNoCardData(outcome);
    expect(viewsContaining(communication, PAN)).toEqual([]);
    expect(outcome.operationId).toBe("op-7");
    expect(JSON.parse(JSON.stringify(outcome))).toMatchObject({
      name: "OutcomeUnknownException",
      operationId: "op-7",
      cause: { name: "PlatformException", detail: "cardNumber **** **** **** 1111 is invalid" },
    });
    expect(JSON.parse(JSON.stringify(communication))["cause"]).toEqual({
      name: "Error",
      message: "socket said ************1111",
    });
  });

  it("masks card numbers that an OAuth2 error description echoes", () => {
    const error = new OAuth2Exception(400, "invalid_request", `unexpected field ${PAN}`);
    expectNoCardData(error);
    expect(error.errorDescription).toBe(`unexpected field ${PAN}`);
    expect(error.error).toBe("invalid_request");
    expect(error.message).toBe(
      "There was an error while retrieving the OAuth2 access token: invalid_request - unexpected field ************1111",
    );
  });

  it("masks card numbers in a MarshallerSyntaxException's message", () => {
    expectNoCardData(new MarshallerSyntaxException(`bad ${PAN}`, { cause: new SyntaxError("x") }));
  });

  it("terminates on cyclic cause chains, at any depth", () => {
    const a = new CommunicationException("a");
    const b = new PlatformException({ ...apiInit(), message: "b" });
    Object.defineProperty(a, "cause", { value: b });
    Object.defineProperty(b, "cause", { value: a });
    expect(inspect(a, { depth: Infinity })).toContain("[Circular CommunicationException]");
    expect(JSON.parse(JSON.stringify(a))).toMatchObject({
      name: "CommunicationException",
      cause: { name: "PlatformException" },
    });
    expectNoCardData(a);
  });

  it("shows only the class name beyond the inspection depth", () => {
    const error = new CommunicationException("outer", { cause: new PlatformException(apiInit()) });
    expect(inspect({ nested: { error } }, { depth: 0 })).toBe("{ nested: [Object] }");
    expect(inspect({ error }, { depth: 0 })).toBe("{ error: [CommunicationException] }");
    expect(inspect(error, { depth: 0 })).toMatch(/\{\s+cause: \[PlatformException\]\s+\}$/);
  });
});

describe("redactSecrets", () => {
  const SECRET = "s3cr&t=+ value/with:chars";
  const TOKEN = "eyJhbGciOi.token-value_1";

  it("masks known secrets in every rendering of the whole cause chain, in any encoding", () => {
    const cause = new Error(`token ${TOKEN} rejected`);
    const api = new ApiException({
      statusCode: 401,
      responseBody: JSON.stringify({ detail: `secret ${SECRET}` }),
      detail: `secret ${encodeURIComponent(SECRET)} or ${new URLSearchParams({ s: SECRET }).toString().slice(2)}`,
      message: `401 for ${JSON.stringify(SECRET)}`,
    });
    const outer = new CommunicationException(`failed: ${TOKEN}`, { cause: api });
    Object.defineProperty(api, "cause", { value: cause });
    expect(redactSecrets(outer, [SECRET, `Bearer ${TOKEN}`, undefined, ""])).toBe(outer);
    for (const needle of [SECRET, TOKEN, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1)]) {
      expect(viewsContaining(outer, needle), needle).toEqual([]);
      expect(viewsContaining(api, needle), needle).toEqual([]);
    }
    expect(cause.message).toBe("token ******** rejected");
    expect(api.detail).toContain(encodeURIComponent(SECRET));
    expect(JSON.parse(JSON.stringify(api))["detail"]).toBe("secret ******** or ********");
  });

  it("returns anything that is not an error as it is, and survives a read-only message", () => {
    expect(redactSecrets("plain", [SECRET])).toBe("plain");
    const frozen = Object.freeze(new Error(`x ${SECRET}`));
    expect(() => redactSecrets(frozen, [SECRET])).not.toThrow();
  });
});
