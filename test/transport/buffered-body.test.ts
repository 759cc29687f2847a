import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BufferedBody } from "../../src/transport/buffered-body.js";

async function collect(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("BufferedBody", () => {
  it("reads a body with bytes() in one step and gives it back as text and as chunks", async () => {
    const source = { bytes: () => Promise.resolve(new TextEncoder().encode('{"a":"é"}')) };
    const body = await BufferedBody.read(source as unknown as AsyncIterable<Uint8Array>);
    expect(body.byteLength).toBe(10);
    expect(await body.text()).toBe('{"a":"é"}');
    expect(await collect(body)).toBe('{"a":"é"}');
  });

  it("reads any other body by iterating it, a multi-byte character split between chunks included", async () => {
    const bytes = Buffer.from("añb");
    const body = await BufferedBody.read(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]));
    expect(body.utf8()).toBe("añb");
  });

  it("yields no chunk for an empty body", async () => {
    const body = await BufferedBody.read(Readable.from([]));
    expect(body.byteLength).toBe(0);
    expect(await collect(body)).toBe("");
  });
});
