import { operationConstant } from "./emit-operations.js";
import { modelModule, queryTypeName } from "./emit-models.js";
import { kebabCase, pascalCase } from "./names.js";
import type { Spec, SpecOperation } from "./spec.js";
import { docBlock, escapeDoc } from "./tsdoc.js";

/**
 * Kept so that code written for SDK versions before 2.0.0 (and the Python guide's snippets)
 * still compiles; public-api.md fixes these names.
 */
const DEPRECATED_ALIASES: Readonly<Record<string, string>> = {
  merchant: "merchants",
  cardPayments: "payments",
  cardRefunds: "refunds",
};

/** Exceptions an operation can raise besides those from the status mapping. */
const TRANSPORT_THROWS = [
  "CommunicationException on a network failure, a timeout, the deadline of `context` or its abort signal, or a non-JSON error page (`NotFoundException` for a 404 one).",
];

/** One step of the resource chain and the operations reached through it. */
export interface ResourceNode {
  className: string;
  /** The method on the parent that returns this node, e.g. `acquirer`. */
  step: string;
  /** The path id the step captures, e.g. `acquirerId`. */
  param: string | undefined;
  /** The chain from `v1()`, e.g. `v1().acquirer(acquirerId)`. */
  chain: string;
  /** Path ids captured from the root to this node, in order. */
  captured: string[];
  children: ResourceNode[];
  operations: SpecOperation[];
}

/** A generated resource file. */
export interface ResourceFile {
  path: string;
  content: string;
  className: string;
}

/** Builds the resource tree from the operations' `resource` chains. */
export function resourceTree(spec: Spec): ResourceNode {
  const root: ResourceNode = {
    className: "V1Client",
    step: "v1",
    param: undefined,
    chain: "v1()",
    captured: [],
    children: [],
    operations: [],
  };
  for (const operation of spec.operations) {
    const [first, ...steps] = operation.resource;
    if (first !== "v1") throw new Error(`${operation.id}: resource chain must start with v1`);
    let node = root;
    for (const step of steps) {
      const match = /^([a-z][A-Za-z0-9]*)(?:\(([a-z][A-Za-z0-9]*)\))?$/.exec(step);
      const name = match?.[1];
      if (name === undefined) throw new Error(`${operation.id}: unsupported resource step '${step}'`);
      const param = match?.[2];
      let child = node.children.find((candidate) => candidate.step === name);
      if (child === undefined) {
        child = {
          className: `${pascalCase(name)}Client`,
          step: name,
          param,
          chain: `${node.chain}.${name}(${param ?? ""})`,
          captured: param === undefined ? node.captured : [...node.captured, param],
          children: [],
          operations: [],
        };
        node.children.push(child);
      } else if (child.param !== param) {
        throw new Error(`${operation.id}: resource step '${step}' disagrees with an earlier operation`);
      }
      node = child;
    }
    const ids = operation.pathParams.map((param) => param.name);
    for (const captured of node.captured) {
      if (!ids.includes(captured))
        throw new Error(`${operation.id}: path has no {${captured}} captured by the chain`);
    }
    node.operations.push(operation);
  }
  return root;
}

function allNodes(node: ResourceNode): ResourceNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** The module path of a resource class, relative to src/v1, without extension. */
export function resourceModule(node: ResourceNode): string {
  return node.className === "V1Client" ? "v1-client" : `resources/${kebabCase(node.className)}`;
}

/** Emits one file per resource class: V1Client at src/v1/v1-client.ts, the others under resources/. */
export function emitResources(spec: Spec): ResourceFile[] {
  return allNodes(resourceTree(spec)).map((node) => ({
    path: `src/v1/${resourceModule(node)}.ts`,
    className: node.className,
    content: emitResource(node, spec),
  }));
}

class Imports {
  readonly #values = new Map<string, Set<string>>();
  readonly #types = new Map<string, Set<string>>();

  value(module: string, name: string): void {
    this.#add(this.#values, module, name);
  }

  type(module: string, name: string): void {
    this.#add(this.#types, module, name);
  }

  render(): string {
    const lines: string[] = [];
    const modules = [...new Set([...this.#values.keys(), ...this.#types.keys()])].sort();
    for (const module of modules) {
      const values = [...(this.#values.get(module) ?? [])].sort();
      const types = [...(this.#types.get(module) ?? [])].filter((name) => !values.includes(name)).sort();
      if (values.length > 0) lines.push(`import { ${values.join(", ")} } from "${module}";`);
      if (types.length > 0) lines.push(`import type { ${types.join(", ")} } from "${module}";`);
    }
    return lines.join("\n");
  }

  #add(map: Map<string, Set<string>>, module: string, name: string): void {
    const names = map.get(module) ?? new Set<string>();
    names.add(name);
    map.set(module, names);
  }
}

/** Import specifiers from a resource file to a module under src/v1 and under src. */
interface RelativePaths {
  v1: (module: string) => string;
  src: (module: string) => string;
}

function emitResource(node: ResourceNode, spec: Spec): string {
  const isRoot = node.className === "V1Client";
  const paths: RelativePaths = {
    v1: (module) => `${isRoot ? "./" : "../"}${module}.js`,
    src: (module) => `${isRoot ? "../" : "../../"}${module}.js`,
  };
  const imports = new Imports();
  imports.value(paths.src("core/api-resource"), "ApiResource");
  const members: string[] = [];
  for (const child of node.children) {
    imports.value(
      isRoot ? `./${resourceModule(child)}.js` : `./${kebabCase(child.className)}.js`,
      child.className,
    );
    members.push(emitStep(node, child));
    const alias = DEPRECATED_ALIASES[child.step];
    if (alias !== undefined) members.push(emitStep(node, child, alias));
  }
  for (const operation of node.operations) members.push(emitOperation(node, operation, spec, imports, paths));
  const classDoc =
    node.className === "V1Client"
      ? docBlock([
          "The v1 API: `client.v1()`. Each step of the chain returns a new small object carrying the path",
          "ids captured so far; each operation returns a Promise of its response model.",
        ])
      : docBlock([`The \`${node.chain}\` resource of the v1 API.`]);
  return `${imports.render()}

${classDoc}export class ${node.className} extends ApiResource {
${members.join("\n\n")}
}
`;
}

function emitStep(node: ResourceNode, child: ResourceNode, alias?: string): string {
  const name = alias ?? child.step;
  const doc =
    alias === undefined
      ? [`The \`${child.chain}\` resource.`]
      : [
          `The \`${child.chain}\` resource.`,
          `@deprecated Use {@link ${node.className}.${child.step}}; this is its pre-2.0.0 name.`,
        ];
  if (child.param === undefined) {
    return `${docBlock(doc, "  ")}  ${name}(): ${child.className} {
    return new ${child.className}(this.communicator, this.pathContext);
  }`;
  }
  const paramDoc = `@param ${child.param} - Sent percent-encoded; \`.\` and \`..\` are refused before sending.`;
  const docLines = alias === undefined ? [...doc, paramDoc] : [doc[0] ?? "", paramDoc, doc[1] ?? ""];
  return `${docBlock(docLines, "  ")}  ${name}(${child.param}: string): ${child.className} {
    return new ${child.className}(this.communicator, { ...this.pathContext, ${child.param} });
  }`;
}

function throwsLines(spec: Spec, operation: SpecOperation): string[] {
  const byClass = new Map<string, string[]>();
  for (const [status, exception] of Object.entries(spec.exceptions.mapping)) {
    const statuses = byClass.get(exception) ?? [];
    statuses.push(status);
    byClass.set(exception, statuses);
  }
  const lines: string[] = [];
  const hasOperationId =
    operation.requestModel !== null &&
    spec.models[operation.requestModel]?.fields.some((field) => field.name === "operationId") === true;
  for (const [exception, statuses] of byClass) {
    const codes = statuses.filter((status) => status !== "default");
    let text = codes.length === 0 ? "on any other API error status" : `on a ${codes.join(", ")} response`;
    if (exception === "ValidationException" && operation.requestModel !== null) {
      text += ", or before sending when `validateRequests` finds a schema violation or a path id is invalid";
    } else if (exception === "ValidationException") {
      text += ", or before sending when a path id is invalid";
    }
    if (exception === "ReferenceException" && hasOperationId) {
      lines.push(
        "@throws IdempotenceException on a 409 when the request carries an `operationId` (a `ReferenceException`).",
      );
    }
    lines.push(`@throws ${exception} ${text}.`);
  }
  lines.push(...TRANSPORT_THROWS.map((line) => `@throws ${line}`));
  return lines;
}

function emitOperation(
  node: ResourceNode,
  operation: SpecOperation,
  spec: Spec,
  imports: Imports,
  paths: RelativePaths,
): string {
  const rel = paths.v1;
  imports.value(rel("operations"), operationConstant(operation.id));
  imports.type(paths.src("core/call-context"), "CallContext");
  const params: string[] = [];
  const docParams: string[] = [];
  const newIds = operation.pathParams.map((param) => param.name).filter((id) => !node.captured.includes(id));
  for (const id of newIds) {
    params.push(`${id}: string`);
    docParams.push(`@param ${id} - Sent percent-encoded; \`.\` and \`..\` are refused before sending.`);
  }
  const call: string[] = [
    newIds.length === 0
      ? "pathParams: this.pathContext"
      : `pathParams: { ...this.pathContext, ${newIds.join(", ")} }`,
  ];
  let prelude = "";
  if (operation.requestIsMultipart) {
    const model = operation.requestModel ?? "";
    imports.type(rel(modelModule(model)), model);
    imports.value(paths.src("transport/multipart-form-data-object"), "MultipartFormDataObject");
    params.push(`request: ${model}`);
    docParams.push("@param request - The files to upload, each sent as one multipart/form-data part.");
    const parts = (operation.multipartFields ?? []).map(
      (part) => `.addFile(${JSON.stringify(part.name)}, request.${part.name})`,
    );
    prelude = `const form = new MultipartFormDataObject()${parts.join("")};\n`;
    call.push("body: form");
  } else if (operation.requestModel !== null) {
    imports.type(rel(modelModule(operation.requestModel)), operation.requestModel);
    params.push(`request: ${operation.requestModel}`);
    docParams.push(
      "@param request - The request body; checked against its JSON schema first when `validateRequests` is on.",
    );
    call.push("body: request");
  } else if (operation.queryParams.length > 0) {
    const queryType = queryTypeName(operation.id);
    imports.type(rel(modelModule(queryType)), queryType);
    params.push(`query?: ${queryType}`);
    docParams.push("@param query - Query parameters; each is sent only when set.");
    call.push(
      `query: { ${operation.queryParams.map((param) => `${param.name}: query?.${param.name}`).join(", ")} }`,
    );
  }
  params.push("context?: CallContext");
  docParams.push("@param context - Per-call cancellation and deadline.");
  call.push("context");
  let resultType: string;
  let returns: string;
  if (operation.responseIsBinary) {
    imports.type(paths.src("transport/binary-response"), "BinaryResponse");
    resultType = "BinaryResponse";
    returns =
      "@returns The document: content type, length, file name, headers and a body stream to read once.";
  } else if (operation.responseModel === null) {
    resultType = "void";
    returns = "@returns Nothing: the call succeeds or throws; any response body is ignored.";
  } else {
    imports.type(rel(modelModule(operation.responseModel)), operation.responseModel);
    resultType = operation.responseModel;
    returns = `@returns The parsed {@link ${operation.responseModel}}.`;
  }
  const summary = [
    `\`${operation.method} ${operation.path}\` (\`${operation.id}\`).`,
    "",
    `OAuth2 scope: \`${spec.oauth2Scopes[operation.id]?.join(" ") ?? operation.oauth2Scope}\`. API docs tag: \`${operation.docsTag}\`. In the SDKs since ${operation.introducedIn}.`,
  ];
  if (operation.notes !== undefined) summary.push(`${escapeDoc(operation.notes)}.`);
  if (operation.previously !== undefined) summary.push(`Previously: ${escapeDoc(operation.previously)}.`);
  const doc = docBlock([...summary, "", ...docParams, returns, ...throwsLines(spec, operation)], "  ");
  const constant = operationConstant(operation.id);
  const args = `{ ${call.join(", ")} }`;
  if (resultType === "void") {
    return `${doc}  async ${operation.id}(${params.join(", ")}): Promise<void> {
    ${prelude}await this.communicator.execute<unknown>(${constant}, ${args});
  }`;
  }
  if (prelude !== "") {
    return `${doc}  async ${operation.id}(${params.join(", ")}): Promise<${resultType}> {
    ${prelude}return await this.communicator.execute<${resultType}>(${constant}, ${args});
  }`;
  }
  return `${doc}  ${operation.id}(${params.join(", ")}): Promise<${resultType}> {
    return this.communicator.execute<${resultType}>(${constant}, ${args});
  }`;
}
