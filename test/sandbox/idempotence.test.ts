import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULT_AMOUNTS, startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { ApiClient, eur, MERCHANT_PATH, operation, paymentRequest } from "./sandbox-client.js";

describe("sandbox operationId idempotence", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ slowResponseMs: 400 });
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  it("replays the first answer (same status and body) for the same operationId and body", async () => {
    const request = paymentRequest({ amount: 1_234 });
    const calls = sandbox.countRequests("processPayment");
    const first = await api.post(`${MERCHANT_PATH}/payments`, request);
    const second = await api.post(`${MERCHANT_PATH}/payments`, request);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(sandbox.getPayment(first.json.paymentId)?.operations).toHaveLength(1);
    expect(sandbox.countRequests("processPayment")).toBe(calls + 2);
  });

  it("answers 409 when the operationId is reused with a different body", async () => {
    const request = paymentRequest({ amount: 1_000 });
    expect((await api.post(`${MERCHANT_PATH}/payments`, request)).status).toBe(201);
    const conflict = await api.post(`${MERCHANT_PATH}/payments`, { ...request, amount: eur(2_000) });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject({ status: 409, type: "/problems/operation-id-conflict" });
    expect(conflict.json.detail).toContain(request.operationId);
  });

  it("answers 409 while the first request with that operationId is still in progress", async () => {
    const request = paymentRequest({ amount: FAULT_AMOUNTS.slow });
    const slow = api.post(`${MERCHANT_PATH}/payments`, request);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const duplicate = await api.post(`${MERCHANT_PATH}/payments`, request);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.type).toBe("/problems/operation-in-progress");
    expect((await slow).status).toBe(201);
  });

  it("does not remember refused requests: the operationId can be used again once corrected", async () => {
    const paymentId = (await api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ amount: 500 }))).json
      .paymentId;
    const capture = operation({ amount: eur(900) });
    expect((await api.post(`${MERCHANT_PATH}/payments/${paymentId}/captures`, capture)).status).toBe(400);
    const corrected = await api.post(`${MERCHANT_PATH}/payments/${paymentId}/captures`, {
      ...capture,
      amount: eur(500),
    });
    expect(corrected.status).toBe(201);
  });

  it("replays the answer lost in a dropped connection when the client retries", async () => {
    const request = paymentRequest({ amount: FAULT_AMOUNTS.drop });
    await expect(api.post(`${MERCHANT_PATH}/payments`, request)).rejects.toThrow();
    const retry = await api.post(`${MERCHANT_PATH}/payments`, request);
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ operationId: request.operationId, status: "AUTHORIZED" });
  });
});
