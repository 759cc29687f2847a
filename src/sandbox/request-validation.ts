import { requestValidators, type RequestModelName } from "../v1/index.js";
import { ApiProblem } from "./api-problem.js";

/**
 * Checks a JSON request body against its model's schema with the validators generated from
 * `spec/schemas/v1`, as the platform would before processing.
 * @returns a 400 `validation-error` problem listing every issue, or undefined when valid.
 */
export function validateRequestBody(model: RequestModelName, body: unknown): ApiProblem | undefined {
  const issues = requestValidators[model](body);
  if (issues.length === 0) return undefined;
  const detail = issues.map((issue) => `${issue.path}: ${issue.message} (${issue.rule})`).join("; ");
  return new ApiProblem(400, "validation-error", detail);
}
