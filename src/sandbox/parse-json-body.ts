import type { RequestModelName } from "../v1/index.js";
import { ApiProblem } from "./api-problem.js";
import { validateRequestBody } from "./request-validation.js";
import type { Route } from "./route.js";

/**
 * Parses and validates the JSON body of a route with a request model. An empty body counts as
 * `{}` where every field is optional (dispute searches and actions) and is refused where the
 * operation needs one.
 * @throws ApiProblem 415/400 for a non-JSON, missing, malformed or schema-violating body.
 */
export function parseJsonBody(
  route: Route,
  model: RequestModelName,
  contentType: string | undefined,
  raw: Buffer,
): unknown {
  if (raw.length === 0) {
    if (route.idempotent) throw new ApiProblem(400, "validation-error", `$: a ${model} body is required`);
    return {};
  }
  if (contentType !== undefined && !/^application\/(.+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new ApiProblem(415, "unsupported-media-type", "Content-Type must be application/json");
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ApiProblem(400, "malformed-json", "the request body is not valid JSON");
  }
  const problem = validateRequestBody(model, body);
  if (problem) throw problem;
  return body;
}
