import { arch, platform, release } from "node:os";
import type { RequestHeader } from "../transport/connection.js";
import { SDK_VERSION } from "../internal/version.js";
import type { ShoppingCartExtension } from "./shopping-cart-extension.js";

/** Names the SDK sets itself (or the HTTP layer owns); additional headers may not use them. */
const PROHIBITED_HEADERS = new Set(
  [
    "X-WL-ServerMetaInfo",
    "Date",
    "Content-Type",
    "Authorization",
    "Trace-Id",
    "Content-Length",
    "Transfer-Encoding",
    "Host",
    "Connection",
  ].map((name) => name.toLowerCase()),
);

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Options of a {@link MetadataProvider}. */
export interface MetadataProviderOptions {
  shoppingCartExtension?: ShoppingCartExtension | undefined;
  /** Headers sent with every request, after the metadata header. */
  additionalRequestHeaders?: readonly RequestHeader[] | undefined;
}

/**
 * Builds the headers that describe the calling server, sent with every request for BI and
 * fraud prevention: `X-WL-ServerMetaInfo` (base64 JSON) and any additional headers. Computed once.
 * @throws TypeError when the integrator is blank or an additional header is not allowed.
 */
export class MetadataProvider {
  /** `X-WL-ServerMetaInfo` first, then the additional headers. */
  readonly metadataHeaders: readonly RequestHeader[];

  constructor(integrator: string, options: MetadataProviderOptions = {}) {
    if (typeof integrator !== "string" || integrator.trim() === "") {
      throw new TypeError("MetadataProvider: integrator is required");
    }
    const { shoppingCartExtension, additionalRequestHeaders = [] } = options;
    const serverMetaInfo = {
      platformIdentifier: `${platform()}/${release()} Node.js/${process.versions.node} (${arch()})`,
      sdkIdentifier: `TypeScriptServerSDK/v${SDK_VERSION}`,
      sdkCreator: "Worldline",
      integrator,
      ...(shoppingCartExtension ? { shoppingCartExtension: cartExtension(shoppingCartExtension) } : {}),
    };
    const headers: RequestHeader[] = [
      {
        name: "X-WL-ServerMetaInfo",
        value: Buffer.from(JSON.stringify(serverMetaInfo), "utf8").toString("base64"),
      },
    ];
    for (const header of additionalRequestHeaders) headers.push(checkedHeader(header));
    this.metadataHeaders = Object.freeze(headers);
  }
}

function cartExtension(extension: ShoppingCartExtension): ShoppingCartExtension {
  for (const field of ["creator", "name", "version"] as const) {
    if (typeof extension[field] !== "string" || extension[field].trim() === "") {
      throw new TypeError(`MetadataProvider: shoppingCartExtension.${field} is required`);
    }
  }
  const { creator, name, version, extensionId } = extension;
  return extensionId === undefined ? { creator, name, version } : { creator, name, version, extensionId };
}

function checkedHeader(header: RequestHeader): RequestHeader {
  const name = header.name?.trim() ?? "";
  if (!HEADER_NAME.test(name)) throw new TypeError(`MetadataProvider: '${name}' is not a valid header name`);
  if (PROHIBITED_HEADERS.has(name.toLowerCase())) {
    throw new TypeError(`MetadataProvider: request header not allowed: '${name}' is set by the SDK`);
  }
  // CR/LF would split the header (request smuggling); fold them as the other Worldline SDKs do.
  const value = String(header.value)
    .replace(/[\r\n]+[ \t]*/g, " ")
    .trim();
  return { name, value };
}
