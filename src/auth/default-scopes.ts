/** Every scope of the API, in the order the official SDKs request them (sdk-behaviour §3). */
export const ALL_SCOPES: readonly string[] = Object.freeze([
  "processing_payment",
  "processing_refund",
  "processing_accountverification",
  "processing_balanceinquiry",
  "processing_operation_reverse",
  "processing_dcc_rate",
  "services_ping",
  "disputes_retrieve",
  "disputes_manage",
]);
