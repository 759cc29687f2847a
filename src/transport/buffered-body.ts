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

  /** Reads a whole body: undici's in one step, any other by iterating it. */
  static async read(body: AsyncIterable<Uint8Array>): Promise<BufferedBody> {
    const withBytes = body as { bytes?: () => Promise<Uint8Array> };
    if (typeof withBytes.bytes === "function") {
      const bytes = await withBytes.bytes();
      return new BufferedBody(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk);
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
