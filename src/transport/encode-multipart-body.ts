import { Readable } from "node:stream";
import type { MultipartFormDataObject } from "./multipart-form-data-object.js";
import type { UploadableFile } from "./uploadable-file.js";

/** A `multipart/form-data` body ready for sending. @internal */
export interface EncodedMultipartBody {
  /** The encoded parts; file streams are read as the request is written, never buffered whole. */
  body: Readable;
  /** The body's length in bytes, or undefined when a file stream has no known length. */
  contentLength: number | undefined;
}

const CRLF = Buffer.from("\r\n");
// RFC 7578 §4.2 leaves quoting to the HTML form encoding: percent-encode '"', CR and LF.
const unsafeInQuotes = /["\r\n]/g;
const escapes: Readonly<Record<string, string>> = { '"': "%22", "\r": "%0D", "\n": "%0A" };

/**
 * Encodes a {@link MultipartFormDataObject} as RFC 7578 `multipart/form-data` with the object's
 * boundary: the values first, then the files, in insertion order. Encode once per send: a file
 * given as a stream can be read only once. @internal
 */
export function encodeMultipartBody(form: MultipartFormDataObject): EncodedMultipartBody {
  const heads: Buffer[] = [];
  let contentLength: number | undefined = 0;
  for (const [name, value] of form.values) {
    const head = Buffer.from(
      `--${form.boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
    );
    heads.push(head);
    contentLength += head.length;
  }
  const files = [...form.files];
  for (const [name, file] of files) {
    const head = Buffer.from(
      `--${form.boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(file.fileName)}"\r\n` +
        `Content-Type: ${file.contentType}\r\n\r\n`,
    );
    heads.push(head);
    const length = knownLength(file);
    contentLength =
      contentLength === undefined || length === undefined
        ? undefined
        : contentLength + head.length + length + 2;
  }
  const tail = Buffer.from(`--${form.boundary}--\r\n`);
  if (contentLength !== undefined) contentLength += tail.length;
  return {
    body: Readable.from(generateParts(heads, form.values.size, files, tail), { objectMode: false }),
    contentLength,
  };
}

async function* generateParts(
  heads: readonly Buffer[],
  valueCount: number,
  files: ReadonlyArray<readonly [string, UploadableFile]>,
  tail: Buffer,
): AsyncGenerator<Buffer> {
  for (let index = 0; index < valueCount; index++) yield heads[index]!;
  for (let index = 0; index < files.length; index++) {
    yield heads[valueCount + index]!;
    const content = files[index]![1].content;
    if (typeof content === "string") {
      yield Buffer.from(content);
    } else if (Buffer.isBuffer(content)) {
      yield content;
    } else {
      for await (const chunk of content) {
        yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      }
    }
    yield CRLF;
  }
  yield tail;
}

function knownLength(file: UploadableFile): number | undefined {
  const { content } = file;
  if (typeof content === "string") return Buffer.byteLength(content);
  if (Buffer.isBuffer(content)) return content.length;
  const declared = file.contentLength;
  return declared !== undefined && Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
}

function quote(text: string): string {
  return text.replace(unsafeInQuotes, (character) => escapes[character]!);
}
