import { oauth2ScopesTable } from "../v1/index.js";

/** Decides whether an operation's scopes are wanted, given its API version and operation id. */
export type OAuth2ScopeFilter = (apiVersion: string, operationId: string) => boolean;

/**
 * The OAuth2 scopes the API operations need, from the spec's per-operation table. Use it to ask
 * a token for fewer scopes than all of them (the `oauth2Scopes` configuration setting). Every
 * method returns a new array of unique scopes, in the table's order.
 */
export class OAuth2Scopes {
  private constructor() {}

  /** Every scope of every API version, in the table's order (the order the official SDKs use). */
  static all(): string[] {
    return OAuth2Scopes.forOperations(() => true);
  }

  /**
   * Every scope of one API version, e.g. `"v1"`.
   * @throws RangeError naming the version when it is unknown.
   */
  static forApiVersion(apiVersion: string): string[] {
    return unique(Object.values(operationsOf(apiVersion)));
  }

  /**
   * The scopes one operation needs, e.g. `forOperation("v1", "processPayment")`.
   * @throws RangeError naming the version or the operation when it is unknown.
   */
  static forOperation(apiVersion: string, operationId: string): string[] {
    return unique([scopesOf(apiVersion, operationId)]);
  }

  /**
   * The scopes some operations need: either an API version followed by operation ids, or a filter
   * called with each known API version and operation id.
   * @throws RangeError naming the version or an operation id when it is unknown.
   */
  static forOperations(apiVersion: string, ...operationIds: string[]): string[];
  static forOperations(filter: OAuth2ScopeFilter): string[];
  static forOperations(versionOrFilter: string | OAuth2ScopeFilter, ...operationIds: string[]): string[] {
    if (typeof versionOrFilter === "function") {
      const selected: (readonly string[])[] = [];
      for (const [apiVersion, operations] of Object.entries(oauth2ScopesTable)) {
        for (const [operationId, scopes] of Object.entries(operations)) {
          if (versionOrFilter(apiVersion, operationId)) selected.push(scopes);
        }
      }
      return unique(selected);
    }
    return unique(operationIds.map((operationId) => scopesOf(versionOrFilter, operationId)));
  }
}

function operationsOf(apiVersion: string): Readonly<Record<string, readonly string[]>> {
  const operations = Object.hasOwn(oauth2ScopesTable, apiVersion) ? oauth2ScopesTable[apiVersion] : undefined;
  if (operations === undefined) {
    throw new RangeError(
      `Unknown API version '${apiVersion}'; known versions: ${Object.keys(oauth2ScopesTable).join(", ")}`,
    );
  }
  return operations;
}

function scopesOf(apiVersion: string, operationId: string): readonly string[] {
  const operations = operationsOf(apiVersion);
  const scopes = Object.hasOwn(operations, operationId) ? operations[operationId] : undefined;
  if (scopes === undefined) {
    throw new RangeError(`Unknown operation '${operationId}' for API version '${apiVersion}'`);
  }
  return scopes;
}

function unique(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
