import type { ModelFile } from "./emit-models.js";
import type { ResourceFile } from "./emit-resources.js";

/** The generated entry point of src/v1, relative to the project root. */
export const INDEX_FILE = "src/v1/index.ts";

/**
 * Emits src/v1/index.ts with explicit named exports: the resource classes, every model type, the
 * operation table, the request validators and the OAuth2 scope table.
 */
export function emitIndex(models: readonly ModelFile[], resources: readonly ResourceFile[]): string {
  const relative = (path: string): string => `./${path.slice("src/v1/".length, -".ts".length)}.js`;
  const lines: string[] = [];
  for (const resource of [...resources].sort((a, b) => compare(a.className, b.className))) {
    lines.push(`export { ${resource.className} } from "${relative(resource.path)}";`);
  }
  for (const model of [...models].sort((a, b) => compare(a.typeName, b.typeName))) {
    lines.push(`export type { ${model.typeName} } from "${relative(model.path)}";`);
  }
  lines.push(`export { v1Operations } from "./operations.js";`);
  lines.push(`export { requestValidators } from "./validators.js";`);
  lines.push(`export type { RequestModelName, RequestValidator } from "./validators.js";`);
  lines.push(`export { oauth2ScopesTable } from "./oauth2-scopes-table.js";`);
  return lines.join("\n");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
