import { ApiProblem } from "./api-problem.js";
import type { Route } from "./route.js";
import type { TokenStore } from "./token-store.js";

/**
 * Checks the bearer token of an API request against the route's scope (RFC 6750 §3).
 * @throws ApiProblem 401 without a valid token, 403 when it lacks the operation's scope.
 */
export function authorizeRequest(tokens: TokenStore, route: Route, authorization: string | undefined): void {
  const token = tokens.check(authorization);
  if (token === "missing") {
    throw new ApiProblem(401, "unauthorized", "a bearer access token is required", {
      "WWW-Authenticate": 'Bearer realm="acquiring-sandbox"',
    });
  }
  if (token === "unknown" || token === "expired") {
    throw new ApiProblem(
      401,
      "unauthorized",
      `the access token is ${token === "expired" ? "expired" : "invalid"}`,
      {
        "WWW-Authenticate": 'Bearer realm="acquiring-sandbox", error="invalid_token"',
      },
    );
  }
  if (!token.scopes.has(route.scope)) {
    throw new ApiProblem(403, "insufficient-scope", `${route.operation} requires scope '${route.scope}'`, {
      "WWW-Authenticate": `Bearer realm="acquiring-sandbox", error="insufficient_scope", scope="${route.scope}"`,
    });
  }
}
