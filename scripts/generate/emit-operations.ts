import { upperSnakeCase } from "./names.js";
import type { Spec, SpecOperation } from "./spec.js";
import { docBlock } from "./tsdoc.js";

/** The generated operation table, relative to the project root. */
export const OPERATIONS_FILE = "src/v1/operations.ts";
/** The generated OAuth2 scope table, relative to the project root. */
export const SCOPES_TABLE_FILE = "src/v1/oauth2-scopes-table.ts";

/** The name of an operation's module-level constant: `processPayment` → `PROCESS_PAYMENT`. */
export function operationConstant(operationId: string): string {
  return upperSnakeCase(operationId);
}

/** The OAuth2 scopes of an operation, from the spec's `oauth2Scopes` table. */
export function operationScopes(spec: Spec, operation: SpecOperation): string[] {
  const scopes = spec.oauth2Scopes[operation.id];
  if (scopes === undefined || !scopes.includes(operation.oauth2Scope)) {
    throw new Error(`oauth2Scopes has no entry for ${operation.id} containing ${operation.oauth2Scope}`);
  }
  return scopes;
}

/**
 * Emits src/v1/operations.ts: one frozen {@link Operation} constant per operation and the
 * `v1Operations` list in spec order.
 * @throws Error when an operation's request model has no schema or its scopes are missing.
 */
export function emitOperations(spec: Spec, schemaNames: ReadonlySet<string>): string {
  const out: string[] = [
    `import type { Operation } from "../core/operation.js";\nimport { requestValidators } from "./validators.js";`,
  ];
  for (const operation of spec.operations) {
    const fields: string[] = [
      `id: ${JSON.stringify(operation.id)}`,
      `method: ${JSON.stringify(operation.method)}`,
      `path: ${JSON.stringify(operation.path)}`,
      `scopes: Object.freeze(${JSON.stringify(operationScopes(spec, operation))})`,
      `response: ${JSON.stringify(operation.responseIsBinary ? "binary" : "json")}`,
    ];
    if (operation.requestIsMultipart) {
      const parts = (operation.multipartFields ?? []).map((part) => part.name);
      fields.push(`multipartParts: Object.freeze(${JSON.stringify(parts)})`);
    } else if (operation.requestModel !== null) {
      if (!schemaNames.has(operation.requestModel)) {
        throw new Error(`${operation.id}: no schema spec/schemas/v1/${operation.requestModel}.json`);
      }
      fields.push(`validate: requestValidators.${operation.requestModel}`);
    }
    out.push(
      `${docBlock([`\`${operation.method} ${operation.path}\` (\`${operation.id}\`).`])}export const ${operationConstant(
        operation.id,
      )}: Operation = Object.freeze({ ${fields.join(", ")} });`,
    );
  }
  out.push(
    `${docBlock(["Every v1 operation, in the spec's order; for tools such as the simulator that route by path."])}export const v1Operations: readonly Operation[] = Object.freeze([${spec.operations
      .map((operation) => operationConstant(operation.id))
      .join(", ")}]);`,
  );
  return out.join("\n\n");
}

/**
 * Emits src/v1/oauth2-scopes-table.ts from the spec's `oauth2Scopes`, keeping its order.
 * @throws Error when an operation has no scopes or the table names an unknown operation.
 */
export function emitScopesTable(spec: Spec): string {
  for (const operation of spec.operations) operationScopes(spec, operation);
  const unknown = Object.keys(spec.oauth2Scopes).filter(
    (id) => !spec.operations.some((operation) => operation.id === id),
  );
  if (unknown.length > 0) throw new Error(`oauth2Scopes lists unknown operations: ${unknown.join(", ")}`);
  const entries = Object.entries(spec.oauth2Scopes).map(
    ([id, scopes]) => `    ${id}: Object.freeze(${JSON.stringify(scopes)}),`,
  );
  return `${docBlock([
    "The OAuth2 scopes each operation needs, by API version and operation id, in the spec's order.",
    "Read through `OAuth2Scopes`.",
  ])}export const oauth2ScopesTable: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = Object.freeze({
  v1: Object.freeze({
${entries.join("\n")}
  }),
});`;
}
