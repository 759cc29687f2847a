/** A successful response whose body is a file, such as a dispute document. */
export interface BinaryResponse {
  contentType?: string;
  contentLength?: number;
  /** The file name from the Content-Disposition header, quotes removed. */
  filename?: string;
  /** Response headers, with lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  /** The file's bytes; read it once. */
  body: NodeJS.ReadableStream;
}
