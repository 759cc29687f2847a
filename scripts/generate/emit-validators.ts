import { jsonPathSegment, upperSnakeCase } from "./names.js";
import type { JsonSchema, SpecInput, SpecModel } from "./spec.js";

/** The generated module, relative to the project root. */
export const VALIDATORS_FILE = "src/v1/validators.ts";

const SUPPORTED_KEYWORDS = new Set([
  "$schema",
  "$ref",
  "type",
  "properties",
  "additionalProperties",
  "required",
  "items",
  "uniqueItems",
  "enum",
  "oneOf",
  "definitions",
]);

const EXPECTED_TYPE: Readonly<Record<string, string>> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
};

/** One piece of a JSON path built at run time: literal text or a JS expression. */
type PathPart = { text: string } | { expr: string };

interface Definition {
  name: string;
  schema: JsonSchema;
  /** Where the definition was first seen, for error messages. */
  source: string;
}

/**
 * Emits src/v1/validators.ts: one straight-line check function per schema definition and a
 * `requestValidators` map with one entry per request schema.
 * @throws Error when a schema uses a keyword or shape the generator does not support, or two
 * schema files define the same name differently.
 */
export function emitValidators(input: SpecInput): string {
  const definitions = collectDefinitions(input);
  const rootNames = [...input.schemas.keys()];
  const out: string[] = [];
  out.push(`import type { ValidationIssue } from "../errors/validation-exception.js";`);
  out.push(HELPERS);
  for (const definition of definitions.values()) {
    out.push(emitDefinition(definition, definitions, input.spec.models));
  }
  out.push(`/** The name of a request model that has a JSON schema. */`);
  out.push(`export type RequestModelName = ${rootNames.map((name) => JSON.stringify(name)).join(" | ")};`);
  out.push(`/**
 * Checks one request body against its model's JSON schema (draft-04, as published in
 * spec/schemas/v1). Returns every violation, in document order; an empty array means valid.
 * Messages describe the rule and never contain the offending value.
 */
export type RequestValidator = (value: unknown) => ValidationIssue[];`);
  for (const name of rootNames) {
    out.push(`function validate${name}(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  check${name}(value, "$", issues);
  return issues;
}`);
  }
  out.push(`/**
 * The request validators by request model name. A property set to \`undefined\` counts as absent
 * (it is not serialised); \`null\` is a type violation (it would be sent, and no schema allows it);
 * a \`Date\` is accepted where the API expects an offset date-time string.
 */
export const requestValidators: Readonly<Record<RequestModelName, RequestValidator>> = Object.freeze({
${rootNames.map((name) => `  ${name}: validate${name},`).join("\n")}
});`);
  return out.join("\n\n");
}

const HELPERS = `type JsonObject = Readonly<Record<string, unknown>>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isValidDate(value: unknown): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Names the JSON type of a value, never the value itself (it may be card data). */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : "a Date";
  switch (typeof value) {
    case "string":
      return "a string";
    case "boolean":
      return "a boolean";
    case "number":
      if (!Number.isFinite(value)) return "a non-finite number";
      return Number.isInteger(value) ? "an integer" : "a number with a fraction";
    case "object":
      return "an object";
    case "undefined":
      return "undefined";
    default:
      return \`a \${typeof value}\`;
  }
}

function typeIssue(path: string, expected: string, value: unknown): ValidationIssue {
  return { path, rule: "type", message: \`must be \${expected}, not \${describe(value)}\` };
}

function requiredIssue(path: string): ValidationIssue {
  return { path, rule: "required", message: "is required" };
}

function checkAdditionalProperties(
  value: JsonObject,
  known: ReadonlySet<string>,
  model: string,
  path: string,
  issues: ValidationIssue[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key) && value[key] !== undefined) {
      const keyPath = IDENTIFIER.test(key) ? \`\${path}.\${key}\` : \`\${path}[\${JSON.stringify(key)}]\`;
      issues.push({ path: keyPath, rule: "additionalProperties", message: \`is not a property of \${model}\` });
    }
  }
}`;

function collectDefinitions(input: SpecInput): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const add = (name: string, schema: JsonSchema, source: string): void => {
    const body: JsonSchema = { ...schema };
    delete body.definitions;
    delete body.$schema;
    const existing = definitions.get(name);
    if (existing === undefined) {
      definitions.set(name, { name, schema: body, source });
    } else if (JSON.stringify(existing.schema) !== JSON.stringify(body)) {
      throw new Error(`schema definition ${name} differs between ${existing.source} and ${source}`);
    }
  };
  for (const [rootName, schema] of input.schemas) {
    const file = `spec/schemas/v1/${rootName}.json`;
    for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
      add(name, definition, `${file}#/definitions/${name}`);
    }
  }
  for (const [rootName, schema] of input.schemas) add(rootName, schema, `spec/schemas/v1/${rootName}.json`);
  const sorted = [...definitions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return new Map(sorted.map((definition) => [definition.name, definition]));
}

function checkKeywords(schema: JsonSchema, where: string): void {
  for (const keyword of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(keyword))
      throw new Error(`unsupported schema keyword '${keyword}' at ${where}`);
  }
  if (schema.uniqueItems === true) throw new Error(`uniqueItems: true is not supported at ${where}`);
}

function emitDefinition(
  definition: Definition,
  definitions: ReadonlyMap<string, Definition>,
  models: Readonly<Record<string, SpecModel>>,
): string {
  const { name, schema, source } = definition;
  checkKeywords(schema, source);
  if (schema.oneOf !== undefined) return emitOneOf(definition, definitions);
  if (schema.type !== "object" || schema.properties === undefined) {
    throw new Error(`definition ${name} at ${source} is neither an object with properties nor a oneOf`);
  }
  const model = models[name];
  if (model === undefined) throw new Error(`schema definition ${name} (${source}) has no model in the spec`);
  const propertiesConst = `${upperSnakeCase(name)}_PROPERTIES`;
  const propertyNames = Object.keys(schema.properties);
  const body: string[] = [];
  body.push(`if (!isObject(value)) {
  issues.push(typeIssue(path, "an object", value));
  return;
}`);
  if (schema.additionalProperties === false) {
    body.push(`checkAdditionalProperties(value, ${propertiesConst}, ${JSON.stringify(name)}, path, issues);`);
  }
  for (const required of schema.required ?? []) {
    body.push(
      `if (value[${JSON.stringify(required)}] === undefined) issues.push(requiredIssue(${renderPath([
        { expr: "path" },
        { text: jsonPathSegment(required) },
      ])}));`,
    );
  }
  let counter = 0;
  for (const [property, propertySchema] of Object.entries(schema.properties)) {
    const where = `${source}/properties/${property}`;
    const field = model.fields.find((candidate) => candidate.name === property);
    if (field === undefined) throw new Error(`${where} has no field in spec model ${name}`);
    const variable = `p${counter++}`;
    const check = emitCheck(
      propertySchema,
      variable,
      [{ expr: "path" }, { text: jsonPathSegment(property) }],
      {
        acceptsDate: field.type === "date-time",
        where,
        definitions,
        depth: 0,
      },
    );
    body.push(`const ${variable} = value[${JSON.stringify(property)}];
if (${variable} !== undefined) {
${check}
}`);
  }
  const setDeclaration =
    schema.additionalProperties === false
      ? `const ${propertiesConst}: ReadonlySet<string> = new Set([${propertyNames
          .map((property) => JSON.stringify(property))
          .join(", ")}]);\n\n`
      : "";
  return `${setDeclaration}/** Checks one ${name} object. */
function check${name}(value: unknown, path: string, issues: ValidationIssue[]): void {
${body.join("\n")}
}`;
}

interface CheckContext {
  acceptsDate: boolean;
  where: string;
  definitions: ReadonlyMap<string, Definition>;
  depth: number;
}

function emitCheck(schema: JsonSchema, variable: string, path: PathPart[], context: CheckContext): string {
  checkKeywords(schema, context.where);
  const pathCode = renderPath(path);
  if (schema.$ref !== undefined) {
    if (Object.keys(schema).length !== 1)
      throw new Error(`$ref with siblings is not supported at ${context.where}`);
    const target = refTarget(schema.$ref, context);
    return `check${target}(${variable}, ${pathCode}, issues);`;
  }
  if (schema.oneOf !== undefined || schema.properties !== undefined) {
    throw new Error(`inline oneOf or object schemas are not supported at ${context.where}; use a definition`);
  }
  const enumCheck =
    schema.enum === undefined ? undefined : emitEnum(schema.enum, variable, pathCode, context);
  if (schema.type === undefined) {
    if (enumCheck === undefined) throw new Error(`schema without type, $ref or enum at ${context.where}`);
    return enumCheck;
  }
  const expected = EXPECTED_TYPE[schema.type];
  if (expected === undefined) throw new Error(`unsupported type '${schema.type}' at ${context.where}`);
  if (schema.type === "array") {
    if (schema.items === undefined) throw new Error(`array without items at ${context.where}`);
    const index = `i${context.depth}`;
    const item = `item${context.depth}`;
    const itemCheck = emitCheck(
      schema.items,
      item,
      [...path, { text: "[" }, { expr: index }, { text: "]" }],
      {
        ...context,
        acceptsDate: false,
        depth: context.depth + 1,
        where: `${context.where}/items`,
      },
    );
    return `if (!Array.isArray(${variable})) {
  issues.push(typeIssue(${pathCode}, "an array", ${variable}));
} else {
  for (let ${index} = 0; ${index} < ${variable}.length; ${index}++) {
    const ${item}: unknown = ${variable}[${index}];
    ${itemCheck}
  }
}`;
  }
  if (schema.type === "object") throw new Error(`inline object schema at ${context.where}; use a definition`);
  const dateAware = schema.type === "string" && context.acceptsDate;
  const condition = typeCondition(schema.type, variable, dateAware);
  const expectedText = dateAware ? "a string or a Date" : expected;
  const typeCheck = `issues.push(typeIssue(${pathCode}, ${JSON.stringify(expectedText)}, ${variable}));`;
  return enumCheck === undefined
    ? `if (${condition}) ${typeCheck}`
    : `if (${condition}) {
  ${typeCheck}
} else {
  ${enumCheck}
}`;
}

function typeCondition(type: string, variable: string, dateAware: boolean): string {
  switch (type) {
    case "string":
      return dateAware
        ? `typeof ${variable} !== "string" && !isValidDate(${variable})`
        : `typeof ${variable} !== "string"`;
    case "integer":
      return `!Number.isInteger(${variable})`;
    case "number":
      return `typeof ${variable} !== "number" || !Number.isFinite(${variable})`;
    case "boolean":
      return `typeof ${variable} !== "boolean"`;
    default:
      throw new Error(`no condition for type ${type}`);
  }
}

function emitEnum(values: unknown[], variable: string, pathCode: string, context: CheckContext): string {
  if (values.length === 0) throw new Error(`empty enum at ${context.where}`);
  for (const value of values) {
    if (value === null || typeof value === "object")
      throw new Error(`non-scalar enum value at ${context.where}`);
  }
  const literals = values.map((value) => JSON.stringify(value));
  const condition = literals.map((literal) => `${variable} !== ${literal}`).join(" && ");
  const message = `must be ${literals.length === 1 ? "" : "one of "}${literals.join(", ")}`;
  return `if (${condition}) issues.push({ path: ${pathCode}, rule: "enum", message: ${JSON.stringify(message)} });`;
}

function refTarget(ref: string, context: CheckContext): string {
  const match = /^#\/definitions\/([A-Za-z][A-Za-z0-9]*)$/.exec(ref);
  const target = match?.[1];
  if (target === undefined || !context.definitions.has(target)) {
    throw new Error(`unresolvable $ref '${ref}' at ${context.where}`);
  }
  return target;
}

/**
 * A oneOf of $refs to object definitions that each require the same discriminator property with
 * a single enum value: at most one branch can match, so the discriminator picks the branch and
 * that branch's violations are reported.
 */
function emitOneOf(definition: Definition, definitions: ReadonlyMap<string, Definition>): string {
  const { name, schema, source } = definition;
  if (Object.keys(schema).length !== 1) throw new Error(`oneOf with siblings is not supported at ${source}`);
  const context: CheckContext = { acceptsDate: false, where: `${source}/oneOf`, definitions, depth: 0 };
  let discriminator: string | undefined;
  const branches: { target: string; value: string }[] = [];
  for (const branch of schema.oneOf ?? []) {
    if (branch.$ref === undefined || Object.keys(branch).length !== 1) {
      throw new Error(`oneOf branches must be plain $refs at ${source}`);
    }
    const target = refTarget(branch.$ref, context);
    const targetSchema = definitions.get(target)?.schema;
    const candidates = (targetSchema?.required ?? []).filter((property) => {
      const values = targetSchema?.properties?.[property]?.enum;
      return values !== undefined && values.length === 1 && typeof values[0] === "string";
    });
    const property = discriminator ?? candidates[0];
    const value = property === undefined ? undefined : targetSchema?.properties?.[property]?.enum?.[0];
    if (property === undefined || !candidates.includes(property) || typeof value !== "string") {
      throw new Error(`oneOf branch ${target} at ${source} has no required single-value discriminator`);
    }
    if (branches.some((existing) => existing.value === value)) {
      throw new Error(`oneOf at ${source} has two branches for discriminator value ${value}`);
    }
    discriminator = property;
    branches.push({ target, value });
  }
  if (discriminator === undefined) throw new Error(`empty oneOf at ${source}`);
  const names = branches.map((branch) => branch.target);
  const values = branches.map((branch) => JSON.stringify(branch.value));
  const message =
    `must match exactly one of ${names.join(", ")}: an object whose ${discriminator} is ` +
    `${values.length === 1 ? "" : "one of "}${values.join(", ")}`;
  return `/** Checks one ${name}: the ${discriminator} property selects the variant. */
function check${name}(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (isObject(value)) {
    switch (value[${JSON.stringify(discriminator)}]) {
${branches
  .map(
    (branch) => `      case ${JSON.stringify(branch.value)}:
        check${branch.target}(value, path, issues);
        return;`,
  )
  .join("\n")}
    }
  }
  issues.push({ path, rule: "oneOf", message: ${JSON.stringify(message)} });
}`;
}

function renderPath(parts: PathPart[]): string {
  const merged: PathPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ("text" in part && last !== undefined && "text" in last)
      merged[merged.length - 1] = { text: last.text + part.text };
    else merged.push(part);
  }
  const only = merged[0];
  if (merged.length === 1 && only !== undefined && "expr" in only) return only.expr;
  return (
    "`" +
    merged
      .map((part) => ("text" in part ? part.text.replace(/[`\\$]/g, "\\$&") : `\${${part.expr}}`))
      .join("") +
    "`"
  );
}
