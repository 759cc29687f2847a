import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CallContext } from "../../src/core/call-context.js";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { OutcomeUnknownException } from "../../src/errors/outcome-unknown-exception.js";
import { FAULT_AMOUNTS, startSandbox } from "../../src/sandbox/index.js";
import { expectHandlesReleased, handleCounts } from "../chaos/chaos-harness.js";
import { merchantOf, paymentRequest, rejectionOf, sandboxClient } from "./e2e-fixtures.js";

describe("e2e: cancellation and closing through the SDK", () => {
  let before: Record<string, number>;
  beforeEach(() => {
    before = handleCounts();
  });
  afterEach(async () => {
    await expectHandlesReleased(before);
  });

  it("an abort signal during a slow POST: OutcomeUnknownException whose cause is the abort reason", async () => {
    await using sandbox = await startSandbox({ slowResponseMs: 5_000 });
    await using client = sandboxClient(sandbox);
    const controller = new AbortController();
    const reason = new Error("checkout closed by the shopper");
    setTimeout(() => controller.abort(reason), 200);
    const error = await rejectionOf(
      merchantOf(client)
        .cardPayments()
        .processPayment(
          paymentRequest({ amount: FAULT_AMOUNTS.slow }),
          new CallContext({ signal: controller.signal }),
        ),
    );
    expect(error).toBeInstanceOf(OutcomeUnknownException);
    expect((error as Error).cause).toBe(reason);
    expect(sandbox.countRequests("processPayment")).toBe(1);
  });

  it("an already aborted signal: CommunicationException and nothing sent, not even a token request", async () => {
    await using sandbox = await startSandbox();
    await using client = sandboxClient(sandbox);
    const reason = new Error("gave up");
    const error = await rejectionOf(
      client
        .v1()
        .ping()
        .ping(new CallContext({ signal: AbortSignal.abort(reason) })),
    );
    expect(error).toBeInstanceOf(CommunicationException);
    expect((error as Error).cause).toBe(reason);
    expect(sandbox.countRequests()).toBe(0);
  });

  it("a call on a closed client rejects with a clear error and sends nothing", async () => {
    await using sandbox = await startSandbox();
    const client = sandboxClient(sandbox);
    await client.v1().ping().ping();
    await client.close();
    await expect(client.v1().ping().ping()).rejects.toThrow(/closed/);
    expect(sandbox.countRequests("ping")).toBe(1);
  });

  it("closing client and sandbox while a slow answer is pending leaves no socket, server or timer", async () => {
    const sandbox = await startSandbox({ slowResponseMs: 5_000 });
    const client = sandboxClient(sandbox);
    const pending = rejectionOf(
      merchantOf(client)
        .cardPayments()
        .processPayment(paymentRequest({ amount: FAULT_AMOUNTS.slow })),
    );
    while (sandbox.countRequests("processPayment") === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await client.close();
    await sandbox.close();
    expect(await pending).toBeInstanceOf(CommunicationException);
  });
});
