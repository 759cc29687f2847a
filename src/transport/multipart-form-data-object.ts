import { randomUUID } from "node:crypto";
import type { UploadableFile } from "./uploadable-file.js";

/**
 * A `multipart/form-data` request body made of plain values and files. Part names must be
 * non-empty and unique across values and files.
 */
export class MultipartFormDataObject {
  /** The boundary between parts: a random UUID. */
  readonly boundary: string = randomUUID();
  /** The Content-Type header value the Communicator sends with this body. */
  readonly contentType: string = `multipart/form-data; boundary=${this.boundary}`;
  readonly #values = new Map<string, string>();
  readonly #files = new Map<string, UploadableFile>();

  /** The plain values, by part name (a read-only view). */
  get values(): ReadonlyMap<string, string> {
    return this.#values;
  }

  /** The files, by part name (a read-only view). */
  get files(): ReadonlyMap<string, UploadableFile> {
    return this.#files;
  }

  /**
   * Adds a plain value.
   * @throws TypeError when the name is empty or already used.
   */
  addValue(name: string, value: string): this {
    this.#checkName(name);
    this.#values.set(name, value);
    return this;
  }

  /**
   * Adds a file.
   * @throws TypeError when the name is empty or already used, or the file has no
   * `fileName`, `contentType` or `content`, or its `contentType` holds a line break.
   */
  addFile(name: string, file: UploadableFile): this {
    this.#checkName(name);
    if (!file.fileName?.trim()) throw new TypeError(`multipart part '${name}': fileName is required`);
    if (!file.contentType?.trim()) throw new TypeError(`multipart part '${name}': contentType is required`);
    if (/[\r\n]/.test(file.contentType)) {
      throw new TypeError(`multipart part '${name}': contentType must not contain CR or LF`);
    }
    if (file.content === undefined || file.content === null) {
      throw new TypeError(`multipart part '${name}': content is required`);
    }
    this.#files.set(name, file);
    return this;
  }

  #checkName(name: string): void {
    if (!name) throw new TypeError("multipart part name is required");
    if (this.#values.has(name) || this.#files.has(name)) {
      throw new TypeError(`duplicate multipart part name '${name}'`);
    }
  }
}
