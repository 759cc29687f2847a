import type { Spec, SpecField, SpecModel, SpecOperation } from "./spec.js";
import { propertyKey } from "./names.js";
import { queryTypeName } from "./emit-models.js";

/** The generated operation tests, relative to the project root. */
export const OPERATIONS_TEST_FILE = "test/v1/generated/operations.test.ts";

const REQUEST_DATE = "2024-01-02T03:04:05.678Z";
const RESPONSE_DATE_TIME = "2024-01-02T03:04:05.678+01:00";
const DATE = "2024-05-01";
const LOCAL_DATE_TIME = "2024-05-01T10:15:30";
/** Bytes that are not valid UTF-8, so a text round trip would corrupt them. */
const DOCUMENT_BYTES = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x80];

/** A sample value both as TypeScript source and as the JSON the API would see. */
interface Sample {
  source: string;
  json: unknown;
}

/** A path id that needs percent-encoding, so the test proves the SDK encodes it. */
function idValue(name: string): string {
  return `${name} a/b c?#%ü`;
}

/**
 * Emits one test per operation that calls it through client.v1() and the real Communicator against
 * a loopback server, and checks method, encoded path, query, headers, body and parsed response.
 * Request and response samples fill every field of their models, so they also prove that the
 * generated types, the validators (requests are sent with `validateRequests: true`) and the spec
 * agree.
 */
export function emitOperationTests(spec: Spec): string {
  const typeImports = new Set<string>();
  const tests = spec.operations.map((operation) => emitOperationTest(spec, operation, typeImports));
  return `import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommunicatorConfiguration } from "../../../src/config/communicator-configuration.js";
import type { Client } from "../../../src/client.js";
import { Factory } from "../../../src/factory.js";
import type { V1Client } from "../../../src/v1/index.js";
import type { ${[...typeImports].sort().join(", ")} } from "../../../src/v1/index.js";
import { LoopbackPlatform } from "../loopback-platform.js";
import { parseMultipart } from "../parse-multipart.js";

let platform: LoopbackPlatform;
let client: Client;
let v1: V1Client;

beforeAll(async () => {
  platform = await LoopbackPlatform.start();
  client = Factory.createClientFromConfiguration(
    new CommunicatorConfiguration({
      apiEndpoint: platform.origin,
      oauth2TokenUri: platform.tokenUri,
      oauth2ClientId: "generated-tests",
      oauth2ClientSecret: "generated-tests-secret",
      integrator: "Generated tests",
      connectTimeout: 2,
      socketTimeout: 5,
      retry: { maxRetries: 0 },
      validateRequests: true,
    }),
  );
  v1 = client.v1();
});

afterAll(async () => {
  await client.close();
  await platform.close();
});

function json(status: number, body: unknown): { status: number; headers: Record<string, string>; body: string } {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

describe("generated v1 operations over loopback", () => {
${tests.join("\n\n")}
});
`;
}

function emitOperationTest(spec: Spec, operation: SpecOperation, typeImports: Set<string>): string {
  const status = operation.successStatus?.[0] ?? 200;
  const pathIds = operation.pathParams.map((param) => param.name);
  const chainIds = new Set<string>();
  const chain = operation.resource
    .slice(1)
    .map((step) => {
      const match = /^([A-Za-z0-9]+)(?:\(([A-Za-z0-9]+)\))?$/.exec(step);
      const param = match?.[2];
      if (param === undefined) return `.${match?.[1] ?? step}()`;
      chainIds.add(param);
      return `.${match?.[1] ?? step}(${JSON.stringify(idValue(param))})`;
    })
    .join("");
  const args = pathIds.filter((id) => !chainIds.has(id)).map((id) => JSON.stringify(idValue(id)));
  const expectedPath = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(idValue(name)),
  );
  const lines: string[] = [];
  const checks: string[] = [
    `const received = platform.takeRequest();`,
    `expect(received.method).toBe(${JSON.stringify(operation.method)});`,
    `expect(received.headers.authorization).toBe("Bearer loopback-token");`,
  ];
  let expectedQuery = "";
  if (operation.requestIsMultipart) {
    const model = operation.requestModel ?? "";
    typeImports.add(model);
    lines.push(`const request: ${model} = {
  file: { fileName: "evidence 1.pdf", contentType: "application/pdf", content: Buffer.from(${JSON.stringify(DOCUMENT_BYTES)}) },
};`);
    args.push("request");
    checks.push(
      `const parts = parseMultipart(received.body, received.headers["content-type"] ?? "");`,
      `expect(parts).toHaveLength(1);`,
      `expect(parts[0]!.headers["content-disposition"]).toBe('form-data; name="file"; filename="evidence 1.pdf"');`,
      `expect(parts[0]!.headers["content-type"]).toBe("application/pdf");`,
      `expect([...parts[0]!.body]).toEqual(${JSON.stringify(DOCUMENT_BYTES)});`,
    );
  } else if (operation.requestModel !== null) {
    typeImports.add(operation.requestModel);
    const sample = modelSample(spec, operation.requestModel, true, []);
    lines.push(`const request: ${operation.requestModel} = ${sample.source};`);
    args.push("request");
    checks.push(
      `expect(received.headers["content-type"]).toBe("application/json");`,
      `expect(JSON.parse(received.body.toString("utf8"))).toEqual(${JSON.stringify(sample.json)});`,
    );
  } else {
    if (operation.queryParams.length > 0) {
      const queryType = queryTypeName(operation.id);
      typeImports.add(queryType);
      lines.push(
        `const query: ${queryType} = { ${operation.queryParams.map((param) => `${param.name}: true`).join(", ")} };`,
      );
      args.push("query");
      expectedQuery = `?${operation.queryParams.map((param) => `${param.name}=true`).join("&")}`;
    }
    checks.push(`expect(received.body).toHaveLength(0);`);
  }
  checks.splice(2, 0, `expect(received.url).toBe(${JSON.stringify(expectedPath + expectedQuery)});`);
  const call = `v1${chain}.${operation.id}(${args.join(", ")})`;
  if (operation.responseIsBinary) {
    lines.push(
      `const bytes = Buffer.from(${JSON.stringify(DOCUMENT_BYTES)});`,
      `platform.reply = { status: 200, headers: { "content-type": "application/pdf", "content-length": String(bytes.length), "content-disposition": 'attachment; filename="document 1.pdf"' }, body: bytes };`,
      `const result = await ${call};`,
      `expect(result.contentType).toBe("application/pdf");`,
      `expect(result.contentLength).toBe(bytes.length);`,
      `expect(result.filename).toBe("document 1.pdf");`,
      `const chunks: Buffer[] = [];`,
      `for await (const chunk of result.body) chunks.push(Buffer.from(chunk as Uint8Array));`,
      `expect(Buffer.concat(chunks).equals(bytes)).toBe(true);`,
    );
  } else if (operation.responseModel === null) {
    lines.push(
      `platform.reply = { status: 200, body: "" };`,
      `await expect(${call}).resolves.toBeUndefined();`,
    );
  } else {
    typeImports.add(operation.responseModel);
    const sample = modelSample(spec, operation.responseModel, false, []);
    lines.push(
      `const response: ${operation.responseModel} = ${sample.source};`,
      `platform.reply = json(${status}, response);`,
      `const result = await ${call};`,
      `expect(result).toEqual(response);`,
    );
  }
  return `  it(${JSON.stringify(`${operation.id}: ${operation.method} ${operation.path}`)}, async () => {
${[...lines, ...checks].map((line) => `    ${line}`).join("\n")}
  });`;
}

/** A sample of a model with every field set; polymorphic bases use their first subtype. */
function modelSample(spec: Spec, name: string, forRequest: boolean, stack: readonly string[]): Sample {
  const model: SpecModel | undefined = spec.models[name];
  if (model === undefined) throw new Error(`no model ${name}`);
  if (stack.includes(name)) throw new Error(`recursive model chain ${[...stack, name].join(" > ")}`);
  if (model.abstract === true) {
    const first = model.subtypes?.[0];
    if (first === undefined) throw new Error(`abstract model ${name} has no subtypes`);
    return modelSample(spec, first, forRequest, [...stack, name]);
  }
  const sources: string[] = [];
  const json: Record<string, unknown> = {};
  for (const field of model.fields) {
    const sample = fieldSample(spec, field, forRequest, [...stack, name]);
    sources.push(`${propertyKey(field.name)}: ${sample.source}`);
    json[field.name] = sample.json;
  }
  return { source: `{ ${sources.join(", ")} }`, json };
}

function fieldSample(spec: Spec, field: SpecField, forRequest: boolean, stack: readonly string[]): Sample {
  if (field.type.endsWith("[]")) {
    const item = field.type.slice(0, -2);
    const sample =
      spec.models[item] !== undefined
        ? modelSample(spec, item, forRequest, stack)
        : literal(field.itemEnum?.[0] ?? field.itemKnownValues?.[0] ?? `${field.name}-item`);
    return { source: `[${sample.source}]`, json: [sample.json] };
  }
  if (spec.models[field.type] !== undefined) return modelSample(spec, field.type, forRequest, stack);
  switch (field.type) {
    case "date-time":
      return forRequest
        ? { source: `new Date(${JSON.stringify(REQUEST_DATE)})`, json: REQUEST_DATE }
        : literal(RESPONSE_DATE_TIME);
    case "date":
      return literal(DATE);
    case "integer":
      return literal(field.format === "int64" ? 3_000_000_000 : 42);
    case "number":
      return literal(1.25);
    case "boolean":
      return literal(true);
    case "string":
      if (field.format?.startsWith("local-date-time") === true) return literal(LOCAL_DATE_TIME);
      return literal(field.const ?? field.enum?.[0] ?? field.knownValues?.[0] ?? `${field.name}-value`);
    default:
      throw new Error(`no sample for field type ${field.type}`);
  }
}

function literal(value: string | number | boolean): Sample {
  return { source: JSON.stringify(value), json: value };
}
