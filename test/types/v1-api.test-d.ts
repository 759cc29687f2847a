// Compile-only checks of the generated v1 types: tsc type-checks this file (tsconfig includes
// test/), vitest never runs it. Each @ts-expect-error fails the build if the line compiles.
import { ApiException } from "../../src/errors/api-exception.js";
import { AuthorizationException } from "../../src/errors/authorization-exception.js";
import { PlatformException } from "../../src/errors/platform-exception.js";
import { ReferenceException } from "../../src/errors/reference-exception.js";
import { ValidationException } from "../../src/errors/validation-exception.js";
import type { BinaryResponse } from "../../src/transport/binary-response.js";
import type {
  ApiPaymentRequest,
  ApiPaymentResource,
  ApiPaymentResponse,
  ApiRefundRequest,
  DisputeResponse,
  MerchantScope,
  PinEncryptionData,
  SearchDisputesRequest,
  UploadDisputeDocumentRequest,
  V1Client,
} from "../../src/v1/index.js";

/** Stands for `client.v1()`. */
declare const v1: V1Client;
declare const acquirerId: string;
declare const merchantId: string;
declare const request: ApiPaymentRequest;

export async function guideSnippet(): Promise<void> {
  // The Python guide's snippet, with its pre-2.0.0 resource names.
  try {
    const response: ApiPaymentResponse = await v1
      .acquirer(acquirerId)
      .merchants(merchantId)
      .payments()
      .processPayment(request);
    void response.paymentId;
  } catch (e) {
    if (e instanceof ValidationException) console.error(`Input validation error: ${e.detail}`);
    else if (e instanceof AuthorizationException) console.error(`Authorization error: ${e.detail}`);
    else if (e instanceof ReferenceException) console.error(`Incorrect object reference: ${e.detail}`);
    else if (e instanceof PlatformException) console.error(`Error at Worldline or downstream: ${e.detail}`);
    else if (e instanceof ApiException) console.error(`Worldline error: ${e.statusCode}, ${e.detail}`);
  }
}

export async function publicApiSnippet(): Promise<void> {
  const merchant = v1.acquirer(acquirerId).merchant(merchantId);
  const payment = await merchant.cardPayments().processPayment(request);
  const status: ApiPaymentResource = await merchant
    .cardPayments()
    .getPaymentStatus(payment.paymentId!, { returnOperations: true });
  const operationTimestamp: string | undefined = status.operations?.[0]?.operationTimestamp;
  void operationTimestamp;
  await merchant.cardRefunds().getRefund("refund-1");
  const pong: void = await v1.ping().ping();
  void pong;
  await v1.disputeManagement().searchDisputes({ isOpen: true });
  const dispute: DisputeResponse = await v1.disputeManagement().getDispute("d-1", { includeEntries: true });
  void dispute;
  const document: BinaryResponse = await v1.disputeDocuments().getDisputeDocument("d-1", "doc-1");
  void document.body;
  const upload: UploadDisputeDocumentRequest = {
    file: { fileName: "evidence.pdf", contentType: "application/pdf", content: Buffer.from("%PDF") },
  };
  await v1.disputeDocuments().uploadDisputeDocument(upload);
}

export async function wrongCalls(): Promise<void> {
  const merchant = v1.acquirer(acquirerId).merchant(merchantId);
  const search: SearchDisputesRequest = { isOpen: true };
  // @ts-expect-error a dispute search is not a payment request (wrong model)
  await merchant.cardPayments().processPayment(search);
  const refund: ApiRefundRequest = { operationId: "op-1" };
  // @ts-expect-error a standalone refund takes an ApiRefundRequest, not a dispute search
  await merchant.cardRefunds().processStandaloneRefund(search);
  await merchant.cardRefunds().processStandaloneRefund(refund);
  // @ts-expect-error a number is not a request model
  await merchant.cardPayments().processPayment(42);
  // @ts-expect-error the payment id (a path id the chain did not capture) is missing
  await merchant.cardPayments().simpleCaptureOfPayment({ operationId: "op-2" });
  // @ts-expect-error merchant() needs its merchant id
  v1.acquirer(acquirerId).merchant();
  // @ts-expect-error getDispute needs a dispute id
  await v1.disputeManagement().getDispute();
  // @ts-expect-error misspelled query parameter
  await merchant.cardPayments().getPaymentStatus("p-1", { returnOperation: true });
  // @ts-expect-error the upload needs a file
  await v1.disputeDocuments().uploadDisputeDocument({});
}

export function modelTypes(): void {
  // @ts-expect-error misspelled field
  const misspelled: ApiPaymentRequest = { operationID: "op-1" };
  // @ts-expect-error amounts are numbers in minor units, not strings
  const wrongType: ApiPaymentRequest = { amount: { amount: "10.00" } };
  const withDate: ApiPaymentRequest = { transactionTimestamp: new Date(), operationId: "op-1" };
  const withText: ApiPaymentRequest = { transactionTimestamp: "2024-01-02T03:04:05.678+01:00" };
  // @ts-expect-error response date-times are strings, as sent by the API
  const responseDate: ApiPaymentResponse = { statusTimestamp: new Date() };
  // Open unions take values the SDK does not know yet; closed enums do not.
  const knownOrNew: ApiPaymentRequest = { cardPaymentData: { walletId: "999", cardEntryMode: "NEW_MODE" } };
  // @ts-expect-error a closed enum rejects an unknown value
  const closed: ApiPaymentResource = { status: "NOT_A_STATUS" };
  void [misspelled, wrongType, withDate, withText, responseDate, knownOrNew, closed];
}

export function polymorphicModels(scope: MerchantScope, pin: PinEncryptionData): void {
  const byIds: MerchantScope = { merchantScopeType: "BY_ACQUIRER_IDS", acquirerIds: ["a-1"] };
  // @ts-expect-error the discriminator is required
  const noDiscriminator: MerchantScope = { acquirerIds: ["a-1"] };
  // @ts-expect-error merchantIds belongs to BY_MERCHANT_IDS, not BY_ACQUIRER_IDS
  const mixed: MerchantScope = { merchantScopeType: "BY_ACQUIRER_IDS", merchantIds: [] };
  const search: SearchDisputesRequest = { merchantScope: byIds, disputeStages: ["DISPUTE"] };
  // @ts-expect-error disputeStages items are a closed list
  const badStage: SearchDisputesRequest = { disputeStages: ["NOT_A_STAGE"] };
  void [noDiscriminator, mixed, search, badStage];
  if (scope.merchantScopeType === "BY_MERCHANT_IDS") void scope.merchantIds;
  if (pin.pinEncryptionType === "DUKPT") void pin.keySerialNumber;
  // @ts-expect-error keySerialNumber exists only on the DUKPT variant
  void pin.keySerialNumber;
}
