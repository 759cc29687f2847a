// The package's public surface: explicit named exports only.
export { Factory } from "./factory.js";
export type { CommunicatorComponents } from "./factory.js";
export { Client } from "./client.js";

export { CommunicatorConfiguration } from "./config/communicator-configuration.js";
export type { CommunicatorConfigurationOptions } from "./config/communicator-configuration.js";
export { ProxyConfiguration } from "./config/proxy-configuration.js";
export type { ProxyConfigurationOptions } from "./config/proxy-configuration.js";
export { ConfigurationException } from "./config/configuration-exception.js";
export type { RetryOptions } from "./config/retry-options.js";

export { Communicator } from "./core/communicator.js";
export type { CommunicatorOptions, InDoubtResolver } from "./core/communicator.js";
export { inDoubtResolver } from "./in-doubt/in-doubt-policy.js";
export type { InDoubtPolicy } from "./in-doubt/in-doubt-policy.js";
export { CallContext } from "./core/call-context.js";
export type { CallSignal } from "./core/call-signal.js";
export type { FailedRequest } from "./core/error-mapping.js";
export type { CallContextOptions } from "./core/call-context.js";
export { ApiResource } from "./core/api-resource.js";
export type { Operation, OperationCall, QueryParams } from "./core/operation.js";

export type { Authenticator, AuthorizationOptions } from "./auth/authenticator.js";
export { OAuth2Scopes } from "./auth/oauth2-scopes.js";
export type { OAuth2ScopeFilter } from "./auth/oauth2-scopes.js";
export { OAuth2Authenticator } from "./auth/oauth2-authenticator.js";
export type { OAuth2AuthenticatorOptions } from "./auth/oauth2-authenticator.js";
export type { StoredToken, TokenStore } from "./auth/token-store.js";

export { MetadataProvider } from "./metadata/metadata-provider.js";
export type { MetadataProviderOptions } from "./metadata/metadata-provider.js";
export type { ShoppingCartExtension } from "./metadata/shopping-cart-extension.js";

export type { Marshaller } from "./json/marshaller.js";
export { DefaultMarshaller } from "./json/default-marshaller.js";

export type {
  Connection,
  ConnectionBody,
  ConnectionRequestOptions,
  ConnectionResponse,
  PooledConnection,
  RequestHeader,
} from "./transport/connection.js";
export { isPooledConnection } from "./transport/connection.js";
export { DefaultConnection } from "./transport/default-connection.js";
export type { DefaultConnectionStats } from "./transport/default-connection.js";
export { DEFAULT_MAX_CONNECTIONS } from "./transport/default-connection-options.js";
export type { DefaultConnectionOptions } from "./transport/default-connection-options.js";
export type { TlsMaterial, TlsOptions } from "./transport/tls-options.js";
export { MultipartFormDataObject } from "./transport/multipart-form-data-object.js";
export type { UploadableFile } from "./transport/uploadable-file.js";
export type { BinaryResponse } from "./transport/binary-response.js";

export type { CommunicatorLogger } from "./log/communicator-logger.js";
export type { ObfuscationRule } from "./log/obfuscation-rule.js";
export {
  obfuscateAll,
  obfuscateAllButFirst,
  obfuscateAllButLast,
  obfuscateWithFixedLength,
} from "./log/obfuscation-rule.js";
export { BodyObfuscator } from "./log/body-obfuscator.js";
export { HeaderObfuscator } from "./log/header-obfuscator.js";
export { RequestLogMessage } from "./log/request-log-message.js";
export { ResponseLogMessage } from "./log/response-log-message.js";
export type { LogMessage, LogMessageObfuscators, LoggedHeader } from "./log/log-message.js";
export { ConsoleCommunicatorLogger } from "./log/console-communicator-logger.js";
export type { ConsoleCommunicatorLoggerOptions, LogOutput } from "./log/console-communicator-logger.js";
export { LoggerCommunicatorLogger } from "./log/logger-communicator-logger.js";

export { ApiException } from "./errors/api-exception.js";
export type { ApiErrorFields, ApiExceptionInit } from "./errors/api-exception.js";
export { ValidationException } from "./errors/validation-exception.js";
export type { ValidationIssue } from "./errors/validation-exception.js";
export { AuthorizationException } from "./errors/authorization-exception.js";
export { ReferenceException } from "./errors/reference-exception.js";
export { IdempotenceException } from "./errors/idempotence-exception.js";
export { PlatformException } from "./errors/platform-exception.js";
export { CommunicationException } from "./errors/communication-exception.js";
export { ResponseException } from "./errors/response-exception.js";
export type { ResponseHeaders } from "./errors/response-exception.js";
export { NotFoundException } from "./errors/not-found-exception.js";
export { MarshallerSyntaxException } from "./errors/marshaller-syntax-exception.js";
export { OAuth2Exception } from "./errors/oauth2-exception.js";
export { OutcomeUnknownException } from "./errors/outcome-unknown-exception.js";
export { OperationReversedException } from "./errors/operation-reversed-exception.js";

// The v1 API: resource clients and models, generated from spec/acquiring-v1.json.
export type {
  AccountVerificationsClient,
  AcquirerClient,
  BalanceInquiriesClient,
  CardPaymentsClient,
  CardRefundsClient,
  DisputeDocumentsClient,
  DisputeEntriesClient,
  DisputeManagementClient,
  DynamicCurrencyConversionClient,
  MerchantClient,
  PingClient,
  TechnicalReversalsClient,
  V1Client,
} from "./v1/index.js";
export type {
  AcceptDisputeLiabilityRequest,
  AdditionalResponseData,
  AddressVerificationData,
  AesUkptPinEncryptionData,
  AmountBreakdownData,
  AmountData,
  ApiAccountVerificationRequest,
  ApiAccountVerificationResponse,
  ApiActionResponse,
  ApiActionResponseForRefund,
  ApiBalanceInquiryRequest,
  ApiBalanceInquiryResponse,
  ApiCaptureRequest,
  ApiCaptureRequestForRefund,
  ApiIncrementRequest,
  ApiIncrementResponse,
  ApiPaymentErrorResponse,
  ApiPaymentRefundRequest,
  ApiPaymentRequest,
  ApiPaymentResource,
  ApiPaymentResponse,
  ApiPaymentReversalRequest,
  ApiPaymentSummaryForResponse,
  ApiReferencesForResponses,
  ApiRefundRequest,
  ApiRefundResource,
  ApiRefundResponse,
  ApiRefundReversalRequest,
  ApiRefundSummaryForResponse,
  ApiReversalResponse,
  ApiTechnicalReversalRequest,
  ApiTechnicalReversalResponse,
  ByAcquirerIds,
  ByMerchantIds,
  ByMerchantRootIds,
  CaptureAmountBreakdownData,
  CapturePointOfSaleData,
  CardDataForDcc,
  CardOnFileData,
  CardPaymentData,
  CardPaymentDataForBalanceInquiry,
  CardPaymentDataForRefund,
  CardPaymentDataForResource,
  CardPaymentDataForResponse,
  CardPaymentDataForVerification,
  CustomerServiceData,
  DateRange,
  DateTimeRange,
  DccData,
  DccProposal,
  DisputeCase,
  DisputeCaseWithEntries,
  DisputeDateTimeData,
  DisputeDocument,
  DisputeDocumentIdItem,
  DisputeEntry,
  DisputeEntryResources,
  DisputeEntryWithDisputeSummary,
  DisputeMerchantData,
  DisputeMerchantDataBase,
  DisputeReferences,
  DisputeResponse,
  DisputeSummary,
  DukptPinEncryptionData,
  ECommerceData,
  ECommerceDataForAccountVerification,
  ECommerceDataForResponse,
  EmvDataItem,
  GeoCoordinates,
  GetDccRateRequest,
  GetDccRateResponse,
  GetDisputeParams,
  GetPaymentStatusParams,
  GetRefundParams,
  InitialCardOnFileData,
  MarketplaceData,
  MerchantData,
  MerchantIdItem,
  MerchantRootIdItem,
  MerchantScope,
  NetworkTokenData,
  OnlinePinData,
  OriginalTransactionData,
  OriginalTransactionReferences,
  OriginalTransactionSummaryData,
  PaginationRequest,
  PaginationResponse,
  PaymentMethodData,
  PaymentMethodDataBase,
  PaymentReferences,
  PinEncryptionData,
  PlainCardData,
  PointOfSaleData,
  PointOfSaleDataForDcc,
  PointOfSaleDataForResponse,
  RateData,
  SearchDisputeEntriesRequest,
  SearchDisputesRequest,
  SearchDisputesResponse,
  ServiceLocationAddress,
  ServiceLocationData,
  SignedAmountData,
  SubOperation,
  SubOperationForRefund,
  SubmitEvidenceRequest,
  SubsequentCardOnFileData,
  TerminalData,
  ThreeDSecure,
  TransactionDataForDcc,
  TransactionReferencesBase,
  TransactionReferencesDispute,
  UploadDisputeDocumentRequest,
  UploadDocumentResponse,
  ZpkPinEncryptionData,
} from "./v1/index.js";
