import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Communicator } from "../../src/core/communicator.js";
import { ApiException } from "../../src/errors/api-exception.js";
import { AuthorizationException } from "../../src/errors/authorization-exception.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { IdempotenceException } from "../../src/errors/idempotence-exception.js";
import { MarshallerSyntaxException } from "../../src/errors/marshaller-syntax-exception.js";
import { NotFoundException } from "../../src/errors/not-found-exception.js";
import { PlatformException } from "../../src/errors/platform-exception.js";
import { ReferenceException } from "../../src/errors/reference-exception.js";
import { ResponseException } from "../../src/errors/response-exception.js";
import { ValidationException } from "../../src/errors/validation-exception.js";
import { FakePlatform, json } from "./fake-platform.js";
import { communicatorFor, GET_PAYMENT, MERCHANT, PROCESS_PAYMENT } from "./setup.js";

let platform: FakePlatform;
let communicator: Communicator;

beforeAll(async () => {
  platform = await FakePlatform.start();
  communicator = communicatorFor(platform);
});
afterAll(async () => {
  await communicator.close();
  await platform.close();
});

const problem = (status: number) => ({
  type: `https://errors.example/${status}`,
  title: `Title ${status}`,
  status,
  detail: `Detail ${status}`,
  instance: `/instance/${status}`,
  requestId: "req-1",
});

async function failureFor(status: number, body: unknown = { operationId: "op-1" }): Promise<unknown> {
  platform.api = () => json(status, problem(status));
  return communicator.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body }).then(
    () => expect.unreachable("the call should fail"),
    (error: unknown) => error,
  );
}

describe("error responses with an API error body", () => {
  it.each([
    [400, ValidationException],
    [403, AuthorizationException],
    [404, ReferenceException],
    [410, ReferenceException],
    [500, PlatformException],
    [502, PlatformException],
    [503, PlatformException],
    [405, ApiException],
    [429, ApiException],
    [504, ApiException],
  ])("maps %i to %o with every field", async (status, type) => {
    const error = (await failureFor(status)) as ApiException;
    expect(error).toBeInstanceOf(type);
    expect(error.constructor).toBe(type);
    expect(error.name).toBe(type.name);
    expect(error).toMatchObject({ statusCode: status, ...problem(status) });
    expect(JSON.parse(error.responseBody)).toEqual(problem(status));
    expect(error.message).toContain(`${status} for POST /processing/v1/acq%201/m%2F2/payments`);
  });

  it("maps 409 on a request with an operationId to IdempotenceException, a ReferenceException", async () => {
    const error = (await failureFor(409, { operationId: "op-42" })) as IdempotenceException;
    expect(error).toBeInstanceOf(IdempotenceException);
    expect(error).toBeInstanceOf(ReferenceException);
    expect(error.idempotenceKey).toBe("op-42");
    expect(error.detail).toBe("Detail 409");
  });

  it("maps 409 on a request without an operationId to a plain ReferenceException", async () => {
    const error = await failureFor(409, { amount: { amount: 1 } });
    expect(error).toBeInstanceOf(ReferenceException);
    expect(error).not.toBeInstanceOf(IdempotenceException);
  });

  it("gives null fields for an empty error body", async () => {
    platform.api = () => ({ status: 500 });
    const error = (await communicator
      .execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p1" } })
      .catch((e: unknown) => e)) as PlatformException;
    expect(error).toBeInstanceOf(PlatformException);
    expect(error).toMatchObject({
      statusCode: 500,
      responseBody: "",
      type: null,
      title: null,
      status: null,
      detail: null,
    });
  });
});

describe("error responses that are not API errors", () => {
  it("maps an HTML 404 to NotFoundException with the body and headers", async () => {
    platform.api = () => ({
      status: 404,
      headers: { "content-type": "text/html", "X-Gateway": "gw1" },
      body: "<h1>no</h1>",
    });
    const error = (await communicator
      .execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p1" } })
      .catch((e: unknown) => e)) as NotFoundException;
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toBeInstanceOf(ResponseException);
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toBe(
      "The requested resource was not found; invalid path: /processing/v1/acq%201/m%2F2/payments/p1",
    );
    expect(error.body).toBe("<h1>no</h1>");
    expect(error.getHeader("x-GATEWAY")).toBe("gw1");
  });

  it("maps an HTML 502 from a gateway to ResponseException", async () => {
    platform.api = () => ({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<h1>Bad gateway</h1>",
    });
    const error = (await communicator
      .execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} })
      .catch((e: unknown) => e)) as ResponseException;
    expect(error).toBeInstanceOf(ResponseException);
    expect(error).not.toBeInstanceOf(NotFoundException);
    expect(error.statusCode).toBe(502);
    expect(error.getHeader("Content-Type")).toBe("text/html");
  });

  it("maps a success body that is not JSON to MarshallerSyntaxException without quoting it", async () => {
    platform.api = () => ({
      status: 201,
      headers: { "content-type": "application/json" },
      body: '{"cardNumber":"4111111111111111"',
    });
    const error = (await communicator
      .execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} })
      .catch((e: unknown) => e)) as MarshallerSyntaxException;
    expect(error).toBeInstanceOf(MarshallerSyntaxException);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(`${error.message} ${String(error.cause)}`).not.toContain("4111");
  });

  it("returns null for an empty success body", async () => {
    platform.api = () => ({ status: 204 });
    await expect(
      communicator.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} }),
    ).resolves.toBeNull();
  });
});
