import { kebabCase, propertyKey } from "./names.js";
import type { Spec, SpecField, SpecModel } from "./spec.js";
import { docBlock, escapeDoc, literalUnion } from "./tsdoc.js";

/** The folder of the generated model files, relative to the project root. */
export const MODELS_DIR = "src/v1/models";

/** A generated model file and the type names it exports. */
export interface ModelFile {
  path: string;
  content: string;
  typeName: string;
}

const SCALARS: Readonly<Record<string, string>> = {
  string: "string",
  integer: "number",
  number: "number",
  boolean: "boolean",
  date: "string",
};

const VALUE_KIND: Readonly<Record<string, string>> = {
  integer: ", a whole number",
  number: ", a decimal number",
};

/** The module path of a model's file, relative to src/v1, without extension. */
export function modelModule(name: string): string {
  return `models/${kebabCase(name)}`;
}

/**
 * Emits one file per model of the spec (interfaces with the wire names, unions for polymorphic
 * bases) and one per SDK-only request type (query objects, the multipart upload request).
 * @throws Error when a field refers to an unknown model or a subtype does not match its base.
 */
export function emitModels(spec: Spec): ModelFile[] {
  const usage = modelUsage(spec);
  const files: ModelFile[] = [];
  for (const [name, model] of Object.entries(spec.models)) {
    files.push({
      path: `${MODELS_DIR}/${kebabCase(name)}.ts`,
      typeName: name,
      content: emitModel(name, model, spec, usage),
    });
  }
  files.push(...emitSdkOnlyTypes(spec));
  return files;
}

/** For each model, the operations that take it as body or return it, directly or nested. */
function modelUsage(spec: Spec): Map<string, Set<string>> {
  const usage = new Map<string, Set<string>>();
  const visit = (name: string, operation: string): void => {
    const seen = usage.get(name) ?? new Set<string>();
    if (seen.has(operation)) return;
    seen.add(operation);
    usage.set(name, seen);
    const model = spec.models[name];
    if (model === undefined) return;
    for (const field of model.fields) if (field.ref !== undefined) visit(field.ref, operation);
    for (const field of model.fields) {
      const item = field.type.endsWith("[]") ? field.type.slice(0, -2) : undefined;
      if (item !== undefined && spec.models[item] !== undefined) visit(item, operation);
    }
    for (const subtype of model.subtypes ?? []) visit(subtype, operation);
  };
  for (const operation of spec.operations) {
    if (operation.requestModel !== null) visit(operation.requestModel, operation.id);
    if (operation.responseModel !== null) visit(operation.responseModel, operation.id);
  }
  return usage;
}

function emitModel(name: string, model: SpecModel, spec: Spec, usage: Map<string, Set<string>>): string {
  const imports = new Set<string>();
  const inRequest = model.usedIn.includes("request");
  const doc = modelDoc(name, model, spec, usage);
  if (model.abstract === true) {
    if (model.discriminator === undefined || model.subtypes === undefined) {
      throw new Error(`abstract model ${name} has no discriminator or subtypes`);
    }
    for (const subtype of model.subtypes) imports.add(subtype);
    return `${importLines(imports, name)}${docBlock(doc)}export type ${name} = ${model.subtypes.join(" | ")};\n`;
  }
  const base = model.extends === undefined ? undefined : spec.models[model.extends];
  if (model.extends !== undefined && base === undefined)
    throw new Error(`${name} extends unknown model ${model.extends}`);
  // A subtype of a polymorphic base repeats the base's fields, since the base is a union type.
  const extendsBase = base !== undefined && base.abstract !== true ? model.extends : undefined;
  if (extendsBase !== undefined && base !== undefined) {
    const inherited = model.fields
      .filter((field) => field.inheritedFrom !== undefined)
      .map((field) => field.name);
    if (inherited.join() !== base.fields.map((field) => field.name).join()) {
      throw new Error(`${name}: inherited fields do not match those of ${extendsBase}`);
    }
    imports.add(extendsBase);
  }
  const fields = model.fields.filter(
    (field) => extendsBase === undefined || field.inheritedFrom === undefined,
  );
  const members = fields.map((field) => emitField(name, field, inRequest, spec, imports)).join("\n");
  const heritage = extendsBase === undefined ? "" : ` extends ${extendsBase}`;
  return `${importLines(imports, name)}${docBlock(doc)}export interface ${name}${heritage} {\n${members}\n}\n`;
}

function importLines(imports: Set<string>, self: string): string {
  return [...imports]
    .filter((name) => name !== self)
    .sort()
    .map((name) => `import type { ${name} } from "./${kebabCase(name)}.js";\n`)
    .join("")
    .concat(imports.size > 0 ? "\n" : "");
}

function modelDoc(name: string, model: SpecModel, spec: Spec, usage: Map<string, Set<string>>): string[] {
  const lines: string[] = [];
  const requestOf = spec.operations
    .filter((operation) => operation.requestModel === name)
    .map((operation) => operation.id);
  const responseOf = spec.operations
    .filter((operation) => operation.responseModel === name)
    .map((operation) => operation.id);
  if (requestOf.length > 0) lines.push(`The request body of ${codeList(requestOf)}.`);
  if (responseOf.length > 0) lines.push(`The response of ${codeList(responseOf)}.`);
  if (model.usedIn.includes("error")) lines.push("The error body of every operation; see `ApiException`.");
  if (lines.length === 0) {
    const inRequest = model.usedIn.includes("request");
    const inResponse = model.usedIn.includes("response");
    const kind =
      inRequest && inResponse
        ? "Part of the requests and responses of"
        : inRequest
          ? "Part of the request of"
          : "Part of the response of";
    lines.push(`${kind} ${codeList([...(usage.get(name) ?? [])])}.`);
  }
  if (model.abstract === true && model.discriminator !== undefined) {
    lines.push(
      "",
      `One of ${model.subtypes?.map((subtype) => `{@link ${subtype}}`).join(", ")}, told apart by \`${model.discriminator.property}\`, which is always sent.`,
    );
  }
  if (model.discriminatorValue !== undefined && model.extends !== undefined) {
    lines.push(
      "",
      `The {@link ${model.extends}} variant with \`${model.fields.find((field) => field.const !== undefined)?.name}\` = \`${model.discriminatorValue}\`.`,
    );
  }
  return lines;
}

function codeList(ids: readonly string[]): string {
  return ids.map((id) => `\`${id}\``).join(", ");
}

function emitField(
  model: string,
  field: SpecField,
  inRequest: boolean,
  spec: Spec,
  imports: Set<string>,
): string {
  const type = fieldType(model, field, inRequest, spec, imports);
  const optional = field.required === true ? "" : "?";
  return `${docBlock(fieldDoc(field, inRequest), "  ")}  ${propertyKey(field.name)}${optional}: ${type};`;
}

function fieldType(
  model: string,
  field: SpecField,
  inRequest: boolean,
  spec: Spec,
  imports: Set<string>,
): string {
  if (field.type.endsWith("[]")) {
    const item = field.type.slice(0, -2);
    if (spec.models[item] !== undefined) {
      imports.add(item);
      return `${item}[]`;
    }
    if (item !== "string") throw new Error(`${model}.${field.name}: unsupported array item type ${item}`);
    if (field.itemEnum !== undefined) return `(${literalUnion(field.itemEnum)})[]`;
    if (field.itemKnownValues !== undefined)
      return `(${literalUnion(field.itemKnownValues)} | (string & {}))[]`;
    return "string[]";
  }
  if (spec.models[field.type] !== undefined) {
    imports.add(field.type);
    return field.type;
  }
  if (field.type === "date-time") return inRequest ? "Date | string" : "string";
  const scalar = SCALARS[field.type];
  if (scalar === undefined) throw new Error(`${model}.${field.name}: unsupported type ${field.type}`);
  if (field.type !== "string") return scalar;
  if (field.const !== undefined) return JSON.stringify(field.const);
  if (field.enum !== undefined) return literalUnion(field.enum);
  if (field.knownValues !== undefined) return `${literalUnion(field.knownValues)} | (string & {})`;
  return "string";
}

function fieldDoc(field: SpecField, inRequest: boolean): string[] {
  const lines: string[] = [];
  if (field.note !== undefined) lines.push(`${capitalise(escapeDoc(field.note))}.`);
  if (field.type === "date-time") {
    lines.push(
      inRequest
        ? "Offset date-time (ISO-8601 with offset, e.g. `2024-01-02T03:04:05.678+01:00`); a `Date` is sent as its UTC ISO text."
        : "Offset date-time (ISO-8601 with offset, e.g. `2024-01-02T03:04:05.678+01:00`), as sent by the API.",
    );
  } else if (field.format !== undefined) {
    lines.push(`Format: ${escapeDoc(field.format)}.`);
  }
  if (field.format === "int64") lines.push("May exceed 2^31; exact up to `Number.MAX_SAFE_INTEGER`.");
  if (field.knownValues !== undefined || field.itemKnownValues !== undefined) {
    lines.push(
      `Known values (the API may add others): ${codeList(field.knownValues ?? field.itemKnownValues ?? [])}.`,
    );
  }
  if (field.enum !== undefined && field.const === undefined) lines.push("One of the documented values.");
  if (field.itemEnum !== undefined) lines.push("Each item is one of the documented values.");
  if (field.required === true) lines.push("Required: it selects the variant.");
  const item = field.type.endsWith("[]") ? field.type.slice(0, -2) : field.type;
  if (lines.length === 0 && item !== field.type && item !== "string")
    lines.push(`A list of {@link ${item}}.`);
  else if (lines.length === 0 && field.ref !== undefined) lines.push(`See {@link ${field.ref}}.`);
  else if (lines.length === 0) lines.push(`The \`${field.name}\` value${VALUE_KIND[field.type] ?? ""}.`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function emitSdkOnlyTypes(spec: Spec): ModelFile[] {
  const files: ModelFile[] = [];
  for (const operation of spec.operations) {
    if (operation.queryParams.length > 0) {
      const name = queryTypeName(operation.id);
      if (spec.sdkOnlyTypes[name] === undefined)
        throw new Error(`sdkOnlyTypes has no ${name} for ${operation.id}`);
      const members = operation.queryParams
        .map((param) => {
          if (param.type !== "boolean")
            throw new Error(`${operation.id}: unsupported query param type ${param.type}`);
          const note =
            param.note === undefined
              ? `The \`${param.name}\` query parameter.`
              : `${capitalise(escapeDoc(param.note))}.`;
          return `${docBlock([note, "Sent only when set."], "  ")}  ${propertyKey(param.name)}?: boolean;`;
        })
        .join("\n");
      const doc = docBlock([`The query parameters of \`${operation.id}\`.`]);
      files.push({
        path: `${MODELS_DIR}/${kebabCase(name)}.ts`,
        typeName: name,
        content: `${doc}export interface ${name} {\n${members}\n}\n`,
      });
    }
    if (operation.requestIsMultipart) {
      const name = operation.requestModel;
      if (name === null || spec.sdkOnlyTypes[name]?.multipartParts === undefined) {
        throw new Error(`${operation.id}: multipart request model missing from sdkOnlyTypes`);
      }
      const members = (operation.multipartFields ?? [])
        .map((part) => {
          if (part.type !== "UploadableFile")
            throw new Error(`${operation.id}: unsupported multipart part type ${part.type}`);
          const note =
            part.note === undefined ? `The \`${part.name}\` part.` : `${capitalise(escapeDoc(part.note))}.`;
          return `${docBlock([note], "  ")}  ${propertyKey(part.name)}: UploadableFile;`;
        })
        .join("\n");
      const doc = docBlock([`The multipart/form-data request of \`${operation.id}\`.`]);
      files.push({
        path: `${MODELS_DIR}/${kebabCase(name)}.ts`,
        typeName: name,
        content: `import type { UploadableFile } from "../../transport/uploadable-file.js";\n\n${doc}export interface ${name} {\n${members}\n}\n`,
      });
    }
  }
  return files;
}

/** `getPaymentStatus` → `GetPaymentStatusParams`. */
export function queryTypeName(operationId: string): string {
  return `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}Params`;
}
