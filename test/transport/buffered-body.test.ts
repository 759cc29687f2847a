import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BufferedBody } from "../../src/transport/buffered-body.js";

async function collect(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function buffered(
  body: AsyncIterable<Uint8Array>,
  declared: number,
  max: number,
  json = false,
): Promise<BufferedBody> {
  const read = await BufferedBody.read(body, declared, max, json);
  expect(read).toBeInstanceOf(BufferedBody);
  return read as BufferedBody;
}

describe("BufferedBody", () => {
  it("reads a body of declared length with bytes() in one step, and gives it back as text and as chunks", async () => {
    const source = { bytes: () => Promise.resolve(new TextEncoder().encode('{"a":"é"}')) };
    const body = await buffered(source as unknown as AsyncIterable<Uint8Array>, 10, 100);
    expect(body.isEmpty).toBe(false);
    expect(await body.text()).toBe('{"a":"é"}');
    expect(await collect(body)).toBe('{"a":"é"}');
  });

  it("reads a JSON body of declared length with text() alone, and gives it back as text and as its UTF-8 bytes", async () => {
    const source = {
      text: () => Promise.resolve('{"a":"é"}'),
      bytes: () => Promise.reject(new Error("a JSON body is read as text")),
    };
    const body = await buffered(source as unknown as AsyncIterable<Uint8Array>, 10, 100, true);
    expect(await body.text()).toBe('{"a":"é"}');
    expect(Buffer.from(await collect(body))).toEqual(Buffer.from('{"a":"é"}'));
  });

  it("reads a body without a declared length by iterating it, a character split between chunks included", async () => {
    const bytes = Buffer.from("añb");
    const body = await buffered(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]), Number.NaN, 100);
    expect(body.utf8()).toBe("añb");
  });

  it("yields no chunk for an empty body", async () => {
    const body = await buffered(Readable.from([]), Number.NaN, 100);
    expect(body.isEmpty).toBe(true);
    expect(await collect(body)).toBe("");
  });

  it("keeps no body declared larger than the limit, and reads none of it", async () => {
    const source = Readable.from([Buffer.from("0123456789")]);
    const read = await BufferedBody.read(source, 10, 9, true);
    expect(read).toBe(source);
    expect(await collect(read)).toBe("0123456789");
  });

  it("stops keeping a body that grows past the limit and hands on every byte as a stream", async () => {
    const chunks = ["0123", "4567", "89ab", "cdef"].map((text) => Buffer.from(text));
    const read = await BufferedBody.read(Readable.from(chunks), Number.NaN, 6, true);
    expect(read).toBeInstanceOf(Readable);
    expect(await collect(read)).toBe("0123456789abcdef");
  });
});
