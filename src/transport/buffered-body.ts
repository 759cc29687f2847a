import { Readable } from "node:stream";
import { utf8Text } from "../internal/utf8-text.js";

/**
 * A response body already read into memory (by the exchange log): iterable like a streamed body,
 * and, like undici's, readable as text in one step, which spares the reader a stream. A JSON body
 * is kept as text, decoded once for the log and the reader both; any other as bytes. @internal
 */
export class BufferedBody implements AsyncIterable<Uint8Array> {
  #bytes: Buffer | undefined;
  #text: string | undefined;

  private constructor(bytes: Buffer | undefined, text: string | undefined) {
    this.#bytes = bytes;
    this.#text = text;
  }

  /**
   * Reads a whole body of at most `maxBytes` (undici's in one step when its length is declared,
   * any other by iterating it). A larger one is not kept: the result is then a stream of the
   * whole body, the bytes already read included, so that the reader still gets every byte.
   * @param json - whether the body is JSON, hence UTF-8 text (RFC 8259): it is then read as text.
   */
  static async read(
    body: AsyncIterable<Uint8Array>,
    declaredLength: number,
    maxBytes: number,
    json: boolean,
  ): Promise<BufferedBody | Readable> {
    if (declaredLength > maxBytes) return body instanceof Readable ? body : Readable.from(body);
    const readable = body as { bytes?: () => Promise<Uint8Array>; text?: () => Promise<string> };
    if (Number.isInteger(declaredLength)) {
      if (json && typeof readable.text === "function")
        return new BufferedBody(undefined, await readable.text());
      if (typeof readable.bytes === "function") {
        const bytes = await readable.bytes();
        return new BufferedBody(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), undefined);
      }
    }
    const iterator = body[Symbol.asyncIterator]();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      chunks.push(next.value);
      total += next.value.byteLength;
      if (total > maxBytes) return Readable.from(resume(chunks, iterator), { objectMode: false });
    }
    return new BufferedBody(Buffer.concat(chunks), undefined);
  }

  get isEmpty(): boolean {
    return this.#text !== undefined ? this.#text.length === 0 : this.#bytes!.length === 0;
  }

  /** The body as UTF-8 text, a leading byte-order mark left out. */
  utf8(): string {
    this.#text ??= utf8Text(this.#bytes!);
    return this.#text;
  }

  text(): Promise<string> {
    return Promise.resolve(this.utf8());
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const bytes = (this.#bytes ??= Buffer.from(this.#text!, "utf8"));
    let done = bytes.length === 0;
    return {
      next: (): Promise<IteratorResult<Uint8Array>> => {
        if (done) return Promise.resolve({ done: true, value: undefined });
        done = true;
        return Promise.resolve({ done: false, value: bytes });
      },
    };
  }
}

/** The chunks already read, then the rest of the body. */
async function* resume(
  chunks: readonly Uint8Array[],
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* chunks;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
