import { runInNewContext } from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitValidators } from "../../scripts/generate/emit-validators.js";
import type { JsonSchema, Spec, SpecInput } from "../../scripts/generate/spec.js";
import type { ValidationIssue } from "../../src/errors/validation-exception.js";

type Validators = Record<string, (value: unknown) => ValidationIssue[]>;

function field(name: string, type = "string"): { name: string; type: string; required: null } {
  return { name, type, required: null };
}

function input(schemas: Record<string, JsonSchema>, models: Spec["models"]): SpecInput {
  const spec = { operations: [], models, sdkOnlyTypes: {}, exceptions: { mapping: {} }, oauth2Scopes: {} };
  return { spec, sha256: "0".repeat(64), schemas: new Map(Object.entries(schemas)) };
}

/** Generates the validators for `schemas`, compiles them and returns the requestValidators map. */
function compile(schemas: Record<string, JsonSchema>, models: Spec["models"]): Validators {
  const source = emitValidators(input(schemas, models));
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as { requestValidators: Validators } };
  runInNewContext(outputText, { exports: module.exports, module });
  return module.exports.requestValidators;
}

describe("emitValidators", () => {
  const models: Spec["models"] = {
    Root: {
      fields: [field("kind"), field("size", "integer"), field("tags", "string[]")],
      usedIn: ["request"],
    },
  };

  it("checks required properties and enum values", () => {
    const validators = compile(
      {
        Root: {
          type: "object",
          properties: {
            kind: { type: "string", enum: ["SMALL", "LARGE"] },
            size: { type: "integer" },
            tags: { type: "array", items: { enum: ["A", "B"] }, uniqueItems: false },
          },
          required: ["kind", "size"],
          additionalProperties: false,
        },
      },
      models,
    );
    const validate = validators["Root"]!;
    expect(validate({ kind: "SMALL", size: 1, tags: ["A"] })).toEqual([]);
    expect(validate({ kind: "MEDIUM-SECRET", tags: ["A", "C-SECRET"] })).toEqual([
      { path: "$.size", rule: "required", message: "is required" },
      { path: "$.kind", rule: "enum", message: 'must be one of "SMALL", "LARGE"' },
      { path: "$.tags[1]", rule: "enum", message: 'must be one of "A", "B"' },
    ]);
    expect(validate({ kind: 3, size: 1 })).toEqual([
      { path: "$.kind", rule: "type", message: "must be a string, not an integer" },
    ]);
  });

  it("refuses schema keywords and shapes it cannot compile", () => {
    const withPattern = { Root: { type: "object", properties: { kind: { type: "string", pattern: "x" } } } };
    expect(() => compile(withPattern as Record<string, JsonSchema>, models)).toThrow(
      /unsupported schema keyword 'pattern'/,
    );
    const badRef = { Root: { type: "object", properties: { kind: { $ref: "#/definitions/Nope" } } } };
    expect(() => compile(badRef, models)).toThrow(/unresolvable \$ref '#\/definitions\/Nope'/);
    const unknownField = { Root: { type: "object", properties: { colour: { type: "string" } } } };
    expect(() => compile(unknownField, models)).toThrow(/has no field in spec model Root/);
  });

  it("refuses a oneOf whose branches have no single-value discriminator", () => {
    const schemas: Record<string, JsonSchema> = {
      Root: {
        type: "object",
        properties: { kind: { $ref: "#/definitions/Either" } },
        definitions: {
          Either: { oneOf: [{ $ref: "#/definitions/Left" }, { $ref: "#/definitions/Right" }] },
          Left: { type: "object", properties: { kind: { type: "string" } } },
          Right: { type: "object", properties: { kind: { type: "string" } } },
        },
      },
    };
    const oneOfModels = { ...models, Left: models["Root"]!, Right: models["Root"]! };
    expect(() => compile(schemas, oneOfModels)).toThrow(
      /oneOf branch Left .* has no required single-value discriminator/,
    );
  });

  it("refuses two schema files that define the same name differently", () => {
    const schemas: Record<string, JsonSchema> = {
      Root: {
        type: "object",
        properties: { kind: { $ref: "#/definitions/Root2" } },
        definitions: { Root2: { type: "object", properties: { kind: { type: "string" } } } },
      },
      Other: { type: "object", properties: {}, definitions: { Root2: { type: "object", properties: {} } } },
    };
    const twoModels = { ...models, Root2: models["Root"]!, Other: { fields: [], usedIn: ["request"] } };
    expect(() => compile(schemas, twoModels)).toThrow(/schema definition Root2 differs between/);
  });
});
