import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { ApiClient, eur, MERCHANT_PATH, operation, paymentRequest } from "./sandbox-client.js";

type Step =
  | { kind: "capture"; amount: number; isFinal: boolean }
  | { kind: "refund"; amount: number }
  | { kind: "reverse"; amount: number }
  | { kind: "increment"; amount: number };

// Small amounts make "exactly what is left" frequent, where off-by-one errors live.
const amount = fc.integer({ min: 1, max: 8 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("capture" as const),
    amount: amount,
    isFinal: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("refund" as const), amount: amount }),
  fc.record({ kind: fc.constant("reverse" as const), amount: amount }),
  fc.record({ kind: fc.constant("increment" as const), amount: amount }),
);

describe("sandbox amount bookkeeping (property)", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  afterAll(() => sandbox.close());

  it("follows a reference model of the amounts for any sequence of operations", async () => {
    await fc.assert(
      fc.asyncProperty(amount, fc.array(step, { maxLength: 8 }), async (initial, steps) => {
        const created = await api.post(`${MERCHANT_PATH}/payments`, paymentRequest({ amount: initial }));
        const paymentId = created.json.paymentId as string;
        const path = `${MERCHANT_PATH}/payments/${paymentId}`;
        const model = { authorized: initial, reversed: 0, captured: 0, refunded: 0, final: false };
        for (const s of steps) {
          const left = model.final ? 0 : model.authorized - model.reversed - model.captured;
          let accepted: boolean;
          let status: number;
          if (s.kind === "capture") {
            status = (
              await api.post(`${path}/captures`, operation({ amount: eur(s.amount), isFinal: s.isFinal }))
            ).status;
            accepted = s.amount <= left;
            if (accepted) {
              model.captured += s.amount;
              model.final ||= s.isFinal;
            }
          } else if (s.kind === "refund") {
            status = (await api.post(`${path}/refunds`, operation({ amount: eur(s.amount) }))).status;
            accepted = s.amount <= model.captured - model.refunded;
            if (accepted) model.refunded += s.amount;
          } else if (s.kind === "reverse") {
            status = (
              await api.post(`${path}/authorization-reversals`, operation({ reversalAmount: eur(s.amount) }))
            ).status;
            accepted = s.amount <= left;
            if (accepted) model.reversed += s.amount;
          } else {
            status = (await api.post(`${path}/increments`, operation({ incrementAmount: eur(s.amount) })))
              .status;
            accepted = !model.final && model.authorized - model.reversed > 0;
            if (accepted) model.authorized += s.amount;
          }
          expect(status).toBe(accepted ? 201 : 400);
          const { authorized, reversed, captured, refunded } = model;
          expect(sandbox.getPaymentAmounts(paymentId)).toMatchObject({
            authorized,
            reversed,
            captured,
            refunded,
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
