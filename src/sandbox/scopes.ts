/**
 * The nine OAuth2 scopes of the Acquiring API v1, in the order the SDKs request them
 * (sdk-behaviour.md §3). A token request without `scope` is granted all of them.
 */
export const SANDBOX_SCOPES = [
  "processing_payment",
  "processing_refund",
  "processing_accountverification",
  "processing_balanceinquiry",
  "processing_operation_reverse",
  "processing_dcc_rate",
  "services_ping",
  "disputes_retrieve",
  "disputes_manage",
] as const;

/** One of {@link SANDBOX_SCOPES}. */
export type SandboxScope = (typeof SANDBOX_SCOPES)[number];

const KNOWN: ReadonlySet<string> = new Set(SANDBOX_SCOPES);

/** Whether `scope` is one of the nine known scopes. */
export function isSandboxScope(scope: string): scope is SandboxScope {
  return KNOWN.has(scope);
}
