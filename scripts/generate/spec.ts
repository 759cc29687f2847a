import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

/** The spec file the generator reads, relative to the project root. */
export const SPEC_FILE = "spec/acquiring-v1.json";
/** The folder of the draft-04 request schemas, relative to the project root. */
export const SCHEMA_DIR = "spec/schemas/v1";

/** A path or query parameter of an operation. */
export interface SpecParam {
  name: string;
  type: string;
  required: boolean | null;
  note?: string;
}

/** One operation of acquiring-v1.json. */
export interface SpecOperation {
  id: string;
  resource: string[];
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  pathParams: SpecParam[];
  queryParams: SpecParam[];
  requestModel: string | null;
  requestIsMultipart: boolean;
  multipartFields?: SpecParam[];
  responseModel: string | null;
  responseIsBinary: boolean;
  /** Success statuses confirmed by the official SDKs' tests; null when unknown (any 2xx). */
  successStatus: number[] | null;
  oauth2Scope: string;
  requestSchema: string | null;
  docsTag: string;
  introducedIn: string;
  previously?: string;
  notes?: string;
}

/** One field of a model, inherited fields included. */
export interface SpecField {
  name: string;
  type: string;
  required: boolean | null;
  ref?: string;
  format?: string;
  enum?: string[];
  knownValues?: string[];
  itemEnum?: string[];
  itemKnownValues?: string[];
  const?: string;
  note?: string;
  inheritedFrom?: string;
}

/** One model of acquiring-v1.json. */
export interface SpecModel {
  fields: SpecField[];
  usedIn: string[];
  extends?: string;
  abstract?: boolean;
  discriminator?: { property: string; mapping: Record<string, string> };
  subtypes?: string[];
  discriminatorValue?: string;
}

/** An SDK-only type (query objects, the multipart request). */
export interface SpecSdkOnlyType {
  fields?: SpecParam[];
  query?: SpecParam[];
  multipartParts?: SpecParam[];
  use?: string;
}

/** The parts of acquiring-v1.json the generator uses. */
export interface Spec {
  operations: SpecOperation[];
  models: Record<string, SpecModel>;
  sdkOnlyTypes: Record<string, SpecSdkOnlyType>;
  exceptions: { mapping: Record<string, string> };
  oauth2Scopes: Record<string, string[]>;
}

/** A draft-04 JSON schema node, as far as the request schemas use it. */
export interface JsonSchema {
  $schema?: string;
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  required?: string[];
  items?: JsonSchema;
  uniqueItems?: boolean;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
}

/** Everything the generator reads, loaded once. */
export interface SpecInput {
  spec: Spec;
  /** sha256 of spec/acquiring-v1.json, hex. */
  sha256: string;
  /** Request schemas by request model name, in file-name order. */
  schemas: Map<string, JsonSchema>;
}

/** Reads spec/acquiring-v1.json and spec/schemas/v1/*.json under `root`. */
export function readSpecInput(root: string): SpecInput {
  const specText = readFileSync(path.join(root, SPEC_FILE));
  const sha256 = createHash("sha256").update(specText).digest("hex");
  const spec = JSON.parse(specText.toString("utf8")) as Spec;
  const schemas = new Map<string, JsonSchema>();
  const files = readdirSync(path.join(root, SCHEMA_DIR))
    .filter((file) => file.endsWith(".json"))
    .sort();
  for (const file of files) {
    const text = readFileSync(path.join(root, SCHEMA_DIR, file), "utf8");
    schemas.set(file.slice(0, -".json".length), JSON.parse(text) as JsonSchema);
  }
  return { spec, sha256, schemas };
}
