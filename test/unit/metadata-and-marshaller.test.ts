import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MarshallerSyntaxException } from "../../src/errors/marshaller-syntax-exception.js";
import { SDK_VERSION } from "../../src/internal/version.js";
import { DefaultMarshaller } from "../../src/json/default-marshaller.js";
import { MetadataProvider } from "../../src/metadata/metadata-provider.js";

function metaInfo(provider: MetadataProvider): Record<string, unknown> {
  return JSON.parse(Buffer.from(provider.metadataHeaders[0]!.value, "base64").toString("utf8"));
}

describe("MetadataProvider", () => {
  it("encodes the server meta info with the shopping cart extension", () => {
    const provider = new MetadataProvider("Acme", {
      shoppingCartExtension: { creator: "C", name: "N", version: "1", extensionId: "X" },
    });
    expect(provider.metadataHeaders[0]!.name).toBe("X-WL-ServerMetaInfo");
    expect(metaInfo(provider)).toEqual({
      platformIdentifier: expect.stringContaining(`Node.js/${process.versions.node}`),
      sdkIdentifier: `TypeScriptServerSDK/v${SDK_VERSION}`,
      sdkCreator: "Worldline",
      integrator: "Acme",
      shoppingCartExtension: { creator: "C", name: "N", version: "1", extensionId: "X" },
    });
  });

  it("keeps the SDK version equal to package.json's", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(SDK_VERSION).toBe(pkg.version);
  });

  it("appends additional headers, folding CR/LF", () => {
    const provider = new MetadataProvider("Acme", {
      additionalRequestHeaders: [{ name: "X-Custom", value: " a\r\n  b\nc " }],
    });
    expect(provider.metadataHeaders.slice(1)).toEqual([{ name: "X-Custom", value: "a b c" }]);
  });

  it.each(["Authorization", "authorization", "DATE", "content-type", "x-wl-servermetainfo", "Trace-Id"])(
    "rejects the prohibited header %s whatever its case",
    (name) => {
      expect(
        () => new MetadataProvider("Acme", { additionalRequestHeaders: [{ name, value: "v" }] }),
      ).toThrow(/request header not allowed/);
    },
  );

  it("rejects a blank integrator or an invalid header name", () => {
    expect(() => new MetadataProvider(" ")).toThrow(/integrator is required/);
    expect(
      () => new MetadataProvider("A", { additionalRequestHeaders: [{ name: "Bad Name", value: "v" }] }),
    ).toThrow(/not a valid header name/);
  });
});

describe("DefaultMarshaller", () => {
  const marshaller = DefaultMarshaller.INSTANCE;

  it("writes Dates as ISO-8601 UTC with milliseconds and leaves out undefined fields", () => {
    expect(
      marshaller.marshal({ at: new Date(Date.UTC(2024, 1, 3, 4, 5, 6)), skip: undefined, keep: "x" }),
    ).toBe('{"at":"2024-02-03T04:05:06.000Z","keep":"x"}');
  });

  it("reads JSON, gives null for an empty body and keeps date-times as strings", () => {
    expect(marshaller.unmarshal('{"statusTimestamp":"2024-01-02T03:04:05+01:00"}')).toEqual({
      statusTimestamp: "2024-01-02T03:04:05+01:00",
    });
    expect(marshaller.unmarshal("")).toBeNull();
  });

  it("throws MarshallerSyntaxException without quoting the body", () => {
    expect(() => marshaller.unmarshal('{"cvv":"123')).toThrow(MarshallerSyntaxException);
    try {
      marshaller.unmarshal('{"cardSecurityCode":"987654"');
    } catch (error) {
      expect(String(error) + String((error as Error).cause)).not.toContain("987654");
    }
  });
});
