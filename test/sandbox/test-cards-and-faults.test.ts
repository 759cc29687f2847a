import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAULT_AMOUNTS, startSandbox, TEST_CARDS, type Sandbox } from "../../src/sandbox/index.js";
import {
  ApiClient,
  eur,
  fetchToken,
  MERCHANT_PATH,
  operation,
  paymentRequest,
  send,
} from "./sandbox-client.js";

describe("sandbox test cards", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  const pay = (options: Parameters<typeof paymentRequest>[0]) =>
    api.post(`${MERCHANT_PATH}/payments`, paymentRequest(options));

  it.each(Object.entries(TEST_CARDS).filter(([, card]) => card.outcome !== "PARTIALLY_APPROVED"))(
    "%s answers its documented response code",
    async (_name, card) => {
      const answer = await pay({ amount: 2_000, cardNumber: card.cardNumber });
      expect(answer.status).toBe(201);
      expect(answer.json).toMatchObject({
        responseCode: card.responseCode,
        responseCodeCategory: card.outcome,
        responseCodeDescription: card.responseCodeDescription,
        status: card.outcome === "APPROVED" ? "AUTHORIZED" : "NOT_AUTHORIZED",
        cardPaymentData: { brand: card.brand },
      });
      if (card.outcome === "DECLINED") {
        expect(answer.json.initialAuthorizationCode).toBeUndefined();
        expect(answer.json.totalAuthorizedAmount).toEqual(eur(0));
        expect(answer.json.additionalResponseData.merchantAdviceCode).toMatch(/^\d{2}$/);
      }
    },
  );

  it("partially approves half the amount when allowPartialApproval is set, else declines with 51", async () => {
    const cardNumber = TEST_CARDS.partialApproval.cardNumber;
    const partial = await pay({ amount: 3_001, cardNumber, allowPartialApproval: true });
    expect(partial.json).toMatchObject({
      responseCode: "10",
      responseCodeCategory: "PARTIALLY_APPROVED",
      status: "AUTHORIZED",
      totalAuthorizedAmount: eur(1_500),
    });
    const capture = await api.post(
      `${MERCHANT_PATH}/payments/${partial.json.paymentId}/captures`,
      operation({ amount: eur(1_501) }),
    );
    expect(capture.status).toBe(400);
    const refused = await pay({ amount: 3_000, cardNumber });
    expect(refused.json).toMatchObject({ responseCode: "51", responseCodeCategory: "DECLINED" });
  });

  it("declines a number failing the Luhn check with 14 and any card past its expiry with 54", async () => {
    const luhn = await pay({ cardNumber: "4111111111111112" });
    expect(luhn.json).toMatchObject({ responseCode: "14", responder: "WORLDLINE" });
    expect(luhn.text).not.toContain("4111111111111112");
    const expired = await pay({ cardNumber: TEST_CARDS.visaApproved.cardNumber, expiryDate: "012020" });
    expect(expired.json).toMatchObject({ responseCode: "54", responseCodeCategory: "DECLINED" });
  });
});

describe("sandbox validation", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  it("answers 400 problem+json naming each field that breaks the JSON schema", async () => {
    const answer = await api.post(`${MERCHANT_PATH}/payments`, {
      ...paymentRequest(),
      amount: { amount: "10.00", currencyCode: "EUR", numberOfDecimals: 2 },
      colour: "blue",
    });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.json).toMatchObject({
      type: "/problems/validation-error",
      title: "Bad Request",
      status: 400,
    });
    expect(answer.json.instance).toBe(`${MERCHANT_PATH}/payments`);
    expect(answer.json.detail).toContain("$.amount.amount");
    expect(answer.json.detail).toContain("$.colour");
  });

  it("answers 400 for business rules the schema cannot express, never echoing card data", async () => {
    const noAmount = await api.post(`${MERCHANT_PATH}/payments`, { ...paymentRequest(), amount: undefined });
    expect([noAmount.status, noAmount.json.detail]).toEqual([400, "$.amount: is required"]);
    const badExpiry = await api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ expiryDate: "13/29" }));
    expect(badExpiry.json.detail).toBe("$.cardPaymentData.cardData.expiryDate: must be MMYYYY");
    const badDecimals = await api.post(`${MERCHANT_PATH}/payments`, {
      ...paymentRequest(),
      amount: { amount: 100, currencyCode: "JPY", numberOfDecimals: 2 },
    });
    expect(badDecimals.json.detail).toBe("$.amount.numberOfDecimals: must be 0 for JPY");
    const badPan = await api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ cardNumber: "4111-1111" }));
    expect(badPan.status).toBe(400);
    expect(badPan.text).not.toContain("4111-1111");
  });

  it("answers 400 for a missing or malformed JSON body and 415 for a body that is not JSON", async () => {
    const malformed = await api.postRaw(`${MERCHANT_PATH}/payments`, "application/json", "{not json");
    expect([malformed.status, malformed.json.type]).toEqual([400, "/problems/malformed-json"]);
    const text = await api.postRaw(`${MERCHANT_PATH}/payments`, "text/plain", "{}");
    expect(text.status).toBe(415);
    const empty = await api.postRaw(`${MERCHANT_PATH}/payments`, "application/json", "");
    expect([empty.status, empty.json.detail]).toEqual([400, "$: a ApiPaymentRequest body is required"]);
  });

  it("answers an unknown path with a gateway's HTML 404 page and a wrong method with 405", async () => {
    const unknown = await api.get("/processing/v2/payments");
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toBe("text/html");
    expect(unknown.text).toContain("<h1>404 Not Found</h1>");
    const wrongMethod = await api.get(`${MERCHANT_PATH}/payments`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers["allow"]).toBe("POST");
  });
});

describe("sandbox faults", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ slowResponseMs: 300, retryAfterSeconds: 2 });
    api = await ApiClient.connect(sandbox);
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(() => sandbox.close());

  const payWith = (amount: number) => api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ amount }));

  it.each([
    ["http500", 500],
    ["http502", 502],
    ["http504", 504],
  ] as const)(
    "%s amount answers a gateway HTML page with status %i and processes nothing",
    async (kind, status) => {
      const before = sandbox.countRequests("processPayment");
      const answer = await payWith(FAULT_AMOUNTS[kind]);
      expect(answer.status).toBe(status);
      expect(answer.headers["content-type"]).toBe("text/html");
      expect(answer.text).toContain(`<title>${status} `);
      expect(sandbox.countRequests("processPayment")).toBe(before + 1);
      expect(sandbox.requests.at(-1)).toMatchObject({ operation: "processPayment", status, fault: kind });
    },
  );

  it.each([
    ["http503", 503, "/problems/service-unavailable"],
    ["http429", 429, "/problems/too-many-requests"],
  ] as const)("%s amount answers a JSON %i with Retry-After", async (kind, status, type) => {
    const answer = await payWith(FAULT_AMOUNTS[kind]);
    expect(answer.status).toBe(status);
    expect(answer.headers["retry-after"]).toBe("2");
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.json).toMatchObject({ status, type });
  });

  it("slow amount answers normally after slowResponseMs", async () => {
    const started = performance.now();
    const answer = await payWith(FAULT_AMOUNTS.slow);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(201);
  });

  it("drop amount processes the request, then destroys the connection without an answer", async () => {
    const request = paymentRequest({ amount: FAULT_AMOUNTS.drop });
    const body = JSON.stringify(request);
    const token = await fetchToken(sandbox);
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect(sandbox.port, "127.0.0.1", () => {
        socket.write(
          `POST ${MERCHANT_PATH}/payments HTTP/1.1\r\nHost: sandbox\r\nAuthorization: Bearer ${token}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      });
      let data = "";
      socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
      socket.setTimeout(5_000, () => reject(new Error("connection was not dropped")));
    });
    expect(received).toBe("");
    expect(sandbox.requests.at(-1)).toMatchObject({ fault: "drop", status: undefined });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const beforeRetry = new Date().toISOString();
    const replay = await api.post(`${MERCHANT_PATH}/payments`, request);
    expect(replay.json.status).toBe("AUTHORIZED");
    expect(sandbox.getPayment(replay.json.paymentId)!.statusTimestamp < beforeRetry).toBe(true);
  });

  it("injected faults hit the next matching requests only, for any operation", async () => {
    sandbox.injectFault({ kind: "http503", operation: "ping", times: 2 });
    expect((await api.get("/services/v1/ping")).status).toBe(503);
    expect((await api.get("/services/v1/ping")).status).toBe(503);
    expect((await api.get("/services/v1/ping")).status).toBe(200);
    sandbox.injectFault({ kind: "http502", operation: "token" });
    const token = await send(sandbox.tokenUri, { method: "POST" });
    expect(token.status).toBe(502);
    sandbox.injectFault({ kind: "drop", operation: "token" });
    await expect(fetchToken(sandbox)).rejects.toThrow();
    expect(sandbox.requests.at(-1)).toMatchObject({ operation: "token", fault: "drop", status: undefined });
    sandbox.injectFault({ kind: "drop", operation: "getPaymentStatus" });
    await expect(api.get(`${MERCHANT_PATH}/payments/x`)).rejects.toThrow();
    expect(() => sandbox.injectFault({ kind: "slow", times: 0 })).toThrow(RangeError);
  });
});
