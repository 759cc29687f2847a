export { startSandbox, DEFAULT_SANDBOX_CREDENTIALS } from "./start-sandbox.js";
export type {
  PaymentAmounts,
  Sandbox,
  SandboxOptions,
  SandboxPaymentView,
  SandboxRefundView,
} from "./start-sandbox.js";
export type { SandboxRequestRecord } from "./sandbox-server.js";
export { TEST_CARDS } from "./test-cards.js";
export type { TestCard, TestCardOutcome } from "./test-cards.js";
export { FAULT_AMOUNTS } from "./faults.js";
export type { FaultKind, FaultRule } from "./faults.js";
export { SANDBOX_SCOPES } from "./scopes.js";
export type { SandboxScope } from "./scopes.js";
export { SANDBOX_MERCHANT } from "./dispute-seed.js";
export { DCC_MARK_UP_PERCENT } from "./dcc-rates.js";
