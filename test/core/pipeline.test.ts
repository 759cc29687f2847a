import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Communicator } from "../../src/core/communicator.js";
import { CallContext } from "../../src/core/call-context.js";
import { ValidationException } from "../../src/errors/validation-exception.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { FakePlatform, json } from "./fake-platform.js";
import { communicatorFor, GET_PAYMENT, MERCHANT, PROCESS_PAYMENT } from "./setup.js";

let platform: FakePlatform;
let communicator: Communicator;

beforeEach(async () => {
  platform = await FakePlatform.start();
  communicator = communicatorFor(platform);
});
afterEach(async () => {
  await communicator.close();
  await platform.close();
});

describe("request building", () => {
  it("sends the metadata, Date, Trace-Id, Authorization and JSON headers", async () => {
    platform.api = () => json(201, { paymentId: "p-1" });
    const result = await communicator.execute(PROCESS_PAYMENT, {
      pathParams: MERCHANT,
      body: { operationId: "op-1", transactionTimestamp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) },
    });
    expect(result).toEqual({ paymentId: "p-1" });
    const [seen] = platform.apiRequests;
    expect(seen?.method).toBe("POST");
    expect(seen?.url).toBe("/processing/v1/acq%201/m%2F2/payments");
    expect(seen?.headers["content-type"]).toBe("application/json");
    expect(seen?.headers.authorization).toBe("Bearer token-1");
    expect(seen?.headers["trace-id"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(seen?.headers.date).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Math.abs(Date.parse(seen!.headers.date!) - Date.now())).toBeLessThan(5000);
    const metaInfo = JSON.parse(
      Buffer.from(seen!.headers["x-wl-servermetainfo"] as string, "base64").toString(),
    );
    expect(metaInfo).toMatchObject({
      integrator: "Acme",
      sdkCreator: "Worldline",
      sdkIdentifier: expect.stringMatching(/^TypeScriptServerSDK\/v/),
    });
    expect(JSON.parse(seen!.body)).toEqual({
      operationId: "op-1",
      transactionTimestamp: "2024-01-02T03:04:05.006Z",
    });
  });

  it("parses a JSON answer that starts with a byte-order mark, chunked or not, with logging off and on", async () => {
    const body = '\uFEFF{"paymentId":"p-1"}';
    const call = (): Promise<unknown> =>
      communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p-1" } });
    for (const length of [{}, { "content-length": String(Buffer.byteLength(body)) }]) {
      platform.api = () => ({
        status: 200,
        headers: { "content-type": "application/json", ...length },
        body,
      });
      communicator.disableLogging();
      expect(await call()).toEqual({ paymentId: "p-1" });
      communicator.enableLogging({ log() {}, logRequest() {}, logResponse() {} });
      expect(await call()).toEqual({ paymentId: "p-1" });
    }
  });

  it("sends no Content-Type and no body on a GET, and query booleans as true/false", async () => {
    platform.api = () => json(200, { paymentId: "p 1" });
    await communicator.execute(GET_PAYMENT, {
      pathParams: { ...MERCHANT, paymentId: "p 1?x=#" },
      query: { returnOperations: true, other: undefined },
    });
    await communicator.execute(GET_PAYMENT, {
      pathParams: { ...MERCHANT, paymentId: "p" },
      query: { returnOperations: false },
    });
    const [first, second] = platform.apiRequests;
    expect(first?.url).toBe("/processing/v1/acq%201/m%2F2/payments/p%201%3Fx%3D%23?returnOperations=true");
    expect(second?.url).toBe("/processing/v1/acq%201/m%2F2/payments/p?returnOperations=false");
    expect(first?.headers["content-type"]).toBeUndefined();
    expect(first?.body).toBe("");
  });

  it("does not hand out again a shared URL that a component changed", async () => {
    let calls = 0;
    const tampering = communicatorFor(
      platform,
      {},
      {
        authenticator: {
          getAuthorization(_method, uri) {
            if (calls++ === 0) uri.pathname = "/tampered";
            return Promise.resolve("Bearer token-x");
          },
        },
      },
    );
    try {
      for (let index = 0; index < 3; index++) {
        await tampering.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} });
      }
    } finally {
      await tampering.close();
    }
    expect(platform.apiRequests.map((request) => request.url)).toEqual([
      "/tampered",
      "/processing/v1/acq%201/m%2F2/payments",
      "/processing/v1/acq%201/m%2F2/payments",
    ]);
  });

  it.each([".", "..", ""])("refuses the path id %j before anything is sent", async (paymentId) => {
    const error = (await communicator
      .execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId } })
      .catch((e: unknown) => e)) as ValidationException;
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.statusCode).toBe(0);
    expect(error.issues.map((issue) => issue.path)).toEqual(["paymentId"]);
    expect(error.message).toContain("paymentId");
    expect(platform.tokenRequests).toHaveLength(0);
    expect(platform.apiRequests).toHaveLength(0);
  });
});

describe("OAuth2 tokens", () => {
  it("form-encodes the credentials and asks for every scope", async () => {
    await communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    const [tokenRequest] = platform.tokenRequests;
    expect(tokenRequest?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(tokenRequest!.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: "client-1",
      client_secret: "s3cr&t=+ value",
      scope:
        "processing_payment processing_refund processing_accountverification processing_balanceinquiry processing_operation_reverse processing_dcc_rate services_ping disputes_retrieve disputes_manage",
    });
  });

  it("uses configured scopes verbatim", async () => {
    const scoped = communicatorFor(platform, { oauth2Scopes: "processing_payment  services_ping" });
    await scoped.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    await scoped.close();
    expect(new URLSearchParams(platform.tokenRequests[0]!.body).get("scope")).toBe(
      "processing_payment services_ping",
    );
  });

  it("makes exactly one token request for 100 concurrent first calls", async () => {
    platform.token = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return json(200, { access_token: "shared", expires_in: 3600 });
    };
    const calls = Array.from({ length: 100 }, (_, i) =>
      communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: `p${i}` } }),
    );
    await Promise.all(calls);
    expect(platform.tokenRequests).toHaveLength(1);
    expect(platform.apiRequests).toHaveLength(100);
    expect(new Set(platform.apiRequests.map((r) => r.headers.authorization))).toEqual(
      new Set(["Bearer shared"]),
    );
  });

  it("renews the token before it expires", async () => {
    platform.expiresIn = 1;
    await communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    await communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    expect(platform.tokenRequests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 950));
    await communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } });
    expect(platform.tokenRequests).toHaveLength(2);
    expect(platform.apiRequests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("renews the token on a 401 and retries the call once, invisibly", async () => {
    platform.api = (request) =>
      request.headers.authorization === "Bearer token-1"
        ? json(401, { title: "expired" })
        : json(201, { ok: true });
    const result = await communicator.execute(PROCESS_PAYMENT, {
      pathParams: MERCHANT,
      body: { operationId: "o" },
    });
    expect(result).toEqual({ ok: true });
    expect(platform.tokenRequests).toHaveLength(2);
    expect(platform.apiRequests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
    expect(platform.apiRequests[0]!.body).toBe(platform.apiRequests[1]!.body);
  });

  it("surfaces a 401 that persists after the retry as ApiException 401", async () => {
    platform.api = () => json(401, { title: "Unauthorized", status: 401 });
    const error = (await communicator
      .execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} })
      .catch((e: unknown) => e)) as { statusCode: number; name: string };
    expect(error.name).toBe("ApiException");
    expect(error.statusCode).toBe(401);
    expect(platform.apiRequests).toHaveLength(2);
    expect(platform.tokenRequests).toHaveLength(2);
  });

  it("raises OAuth2Exception naming error and error_description when the token endpoint refuses", async () => {
    platform.token = () => json(401, { error: "invalid_client", error_description: "Unknown client" });
    const error = (await communicator
      .execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} })
      .catch((e: unknown) => e)) as Error;
    expect(error.name).toBe("OAuth2Exception");
    expect(error.message).toBe(
      "There was an error while retrieving the OAuth2 access token: invalid_client - Unknown client",
    );
    expect(platform.apiRequests).toHaveLength(0);
  });
});

describe("life cycle, deadlines and cancellation", () => {
  it("rejects calls after close", async () => {
    await communicator.close();
    await expect(communicator.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} })).rejects.toThrow(
      /closed/,
    );
  });

  it("rejects with a CommunicationException naming the deadline when it passes", async () => {
    platform.api = () => new Promise((resolve) => setTimeout(() => resolve(json(200, {})), 2000));
    const started = Date.now();
    const error = (await communicator
      .execute(PROCESS_PAYMENT, {
        pathParams: MERCHANT,
        body: {},
        context: new CallContext({ timeoutMs: 150 }),
      })
      .catch((e: unknown) => e)) as CommunicationException;
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.message).toContain("deadline");
    // The POST was sent when the deadline passed: whether it was processed is unknown.
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("sends nothing for an already-aborted signal and keeps the reason as cause", async () => {
    const reason = new Error("user gave up");
    const error = (await communicator
      .execute(PROCESS_PAYMENT, {
        pathParams: MERCHANT,
        body: {},
        context: new CallContext({ signal: AbortSignal.abort(reason) }),
      })
      .catch((e: unknown) => e)) as CommunicationException;
    expect(error).toBeInstanceOf(CommunicationException);
    expect(error.cause).toBe(reason);
    expect(platform.tokenRequests).toHaveLength(0);
    expect(platform.apiRequests).toHaveLength(0);
  });

  it("reports a refused connection as CommunicationException", async () => {
    const origin = platform.origin;
    await platform.close();
    const error = await communicator
      .execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "p" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommunicationException);
    expect(String(error)).not.toContain(origin + "/token?");
    platform = await FakePlatform.start();
  });
});

describe("token endpoint failures", () => {
  it("repeats the token request when the token endpoint drops the connection", async () => {
    let drops = 1;
    const issue = platform.token;
    platform.token = (request) => (drops-- > 0 ? { status: 0, drop: true } : issue(request));
    await communicator.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body: {} });
    expect(platform.tokenRequests).toHaveLength(2);
    expect(platform.apiRequests).toHaveLength(1);
  });
});
