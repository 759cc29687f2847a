// The benchmark's loopback platform, run in its own process so that it does not share the
// client's event loop: an OAuth2 token endpoint and a processPayment endpoint with a ~1 KB answer.
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";

const PAYMENT_RESPONSE = Buffer.from(
  JSON.stringify({
    operationId: "bench-operation",
    paymentId: "pay_8d3c2a1f4b5e6d7c8b9a0f1e2d3c4b5a",
    status: "AUTHORIZED",
    statusTimestamp: "2024-06-01T12:34:56.789+02:00",
    responseCode: "00",
    responseCodeCategory: "APPROVED",
    responseCodeDescription: "Approved or completed successfully",
    responder: "ISSUER",
    initialAuthorizationCode: "A1B2C3",
    totalAuthorizedAmount: { amount: 12345, currencyCode: "EUR", numberOfDecimals: 2 },
    cardPaymentData: {
      brand: "VISA",
      ecommerceData: { addressVerificationResult: "MATCH", cardSecurityCodeResult: "MATCH" },
      pointOfSaleData: { panLast4Digits: "1111", pinRetryCounter: 3 },
    },
    references: {
      paymentAccountReference: "V0010013018036776563445896435",
      retrievalReferenceNumber: "412345678901",
      schemeTransactionId: "483297487231504",
      schemeTransactionLinkId: "483297487231504-LINK",
    },
    additionalResponseData: {
      merchantAdviceCode: "01",
      merchantAdviceCodeDescription: "New account information available",
    },
    padding: "x".repeat(180),
  }),
);

let tokenTtlSeconds = 3600;
let tokenRequests = 0;
let socketsSeen = 0;
const openSockets = new Set<Socket>();

const server = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url === "/token") {
      tokenRequests++;
      const body = JSON.stringify({
        access_token: `bench-token-${tokenRequests}`,
        expires_in: tokenTtlSeconds,
      });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    res.writeHead(201, { "content-type": "application/json", "content-length": PAYMENT_RESPONSE.length });
    res.end(PAYMENT_RESPONSE);
  });
});
server.on("connection", (socket: Socket) => {
  socketsSeen++;
  openSockets.add(socket);
  socket.on("close", () => openSockets.delete(socket));
});

process.on("message", (message: { type: string; tokenTtlSeconds?: number }) => {
  if (message.type === "stats") {
    process.send?.({ type: "stats", tokenRequests, socketsSeen, openSockets: openSockets.size });
  } else if (message.type === "configure") {
    tokenTtlSeconds = message.tokenTtlSeconds ?? tokenTtlSeconds;
    process.send?.({ type: "configured" });
  } else if (message.type === "stop") {
    for (const socket of openSockets) socket.destroy();
    server.close(() => process.exit(0));
  }
});

server.listen(0, "127.0.0.1", () => {
  process.send?.({ type: "ready", port: (server.address() as AddressInfo).port });
});
