import { Readable } from "node:stream";

/**
 * A response body already read into memory (by the exchange log): iterable like a streamed body,
 * and, like undici's, readable as text in one step, which spares the reader a stream. @internal
 */
export class BufferedBody implements AsyncIterable<Uint8Array> {
  readonly #bytes: Buffer;
  #text: string | undefined;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  /**
   * Reads a whole body of at most `maxBytes` (undici's in one step when its length is declared,
   * any other by iterating it). A larger one is not kept: the result is then a stream of the
   * whole body, the bytes already read included, so that the reader still gets every byte.
   */
  static async read(
    body: AsyncIterable<Uint8Array>,
    declaredLength: number,
    maxBytes: number,
  ): Promise<BufferedBody | Readable> {
    if (declaredLength > maxBytes) return body instanceof Readable ? body : Readable.from(body);
    const withBytes = body as { bytes?: () => Promise<Uint8Array> };
    if (Number.isInteger(declaredLength) && typeof withBytes.bytes === "function") {
      const bytes = await withBytes.bytes();
      return new BufferedBody(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const iterator = body[Symbol.asyncIterator]();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      chunks.push(next.value);
      total += next.value.byteLength;
      if (total > maxBytes) return Readable.from(resume(chunks, iterator), { objectMode: false });
    }
    return new BufferedBody(Buffer.concat(chunks));
  }

  get byteLength(): number {
    return this.#bytes.length;
  }

  /** The body as UTF-8 text, decoded once for the log and the reader both. */
  utf8(): string {
    this.#text ??= this.#bytes.toString("utf8");
    return this.#text;
  }

  text(): Promise<string> {
    return Promise.resolve(this.utf8());
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    let done = this.#bytes.length === 0;
    return {
      next: (): Promise<IteratorResult<Uint8Array>> => {
        if (done) return Promise.resolve({ done: true, value: undefined });
        done = true;
        return Promise.resolve({ done: false, value: this.#bytes });
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
