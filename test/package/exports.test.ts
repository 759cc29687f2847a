import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SNAPSHOT = new URL("./api-snapshot.json", import.meta.url);

/** The names an entry point exports, values and types, read from its source. */
function exportedNames(entry: string): string[] {
  const source = readFileSync(new URL(`../../src/${entry}`, import.meta.url), "utf8");
  const names: string[] = [];
  for (const match of source.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const part of match[2]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!;
      if (name) names.push(match[1] ? `type ${name}` : name);
    }
  }
  return names.sort();
}

describe("the public API", () => {
  it("exports exactly the committed snapshot (UPDATE_API_SNAPSHOT=1 to accept a deliberate change)", () => {
    const current = {
      "acquiring-sdk": exportedNames("index.ts"),
      "acquiring-sdk/sandbox": exportedNames("sandbox/index.ts"),
    };
    if (process.env["UPDATE_API_SNAPSHOT"] === "1")
      writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
    expect(current).toEqual(JSON.parse(readFileSync(SNAPSHOT, "utf8")));
  });

  it("keeps every name of the contract", () => {
    const names = new Set(exportedNames("index.ts").map((name) => name.replace(/^type /, "")));
    const contract = [
      "Factory",
      "CommunicatorConfiguration",
      "ProxyConfiguration",
      "Client",
      "Communicator",
      "CallContext",
      "ApiException",
      "ValidationException",
      "AuthorizationException",
      "IdempotenceException",
      "ReferenceException",
      "PlatformException",
      "CommunicationException",
      "ResponseException",
      "NotFoundException",
      "MarshallerSyntaxException",
      "OAuth2Exception",
      "ConsoleCommunicatorLogger",
      "LoggerCommunicatorLogger",
      "CommunicatorLogger",
      "RequestLogMessage",
      "ResponseLogMessage",
      "ObfuscationRule",
      "obfuscateAll",
      "obfuscateAllButFirst",
      "obfuscateAllButLast",
      "obfuscateWithFixedLength",
      "BodyObfuscator",
      "HeaderObfuscator",
      "RequestHeader",
      "ConnectionResponse",
      "Connection",
      "PooledConnection",
      "DefaultConnection",
      "Authenticator",
      "OAuth2Authenticator",
      "MetadataProvider",
      "Marshaller",
      "DefaultMarshaller",
      "MultipartFormDataObject",
      "UploadableFile",
      "BinaryResponse",
      "OAuth2Scopes",
    ];
    expect(contract.filter((name) => !names.has(name))).toEqual([]);
  });
});
