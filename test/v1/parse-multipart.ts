/** One part of a multipart/form-data body. */
export interface MultipartPart {
  /** Part headers with lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Splits a multipart/form-data body (RFC 7578) into its parts, byte for byte.
 * @throws Error when the content type has no boundary or the body is not delimited by it.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(contentType)?.[1]?.replace(/^"|"$/g, "");
  if (boundary === undefined) throw new Error(`not a multipart/form-data content type: ${contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  if (start !== 0) throw new Error("body does not start with the boundary");
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === "--") return parts;
    const headerStart = afterDelimiter + 2;
    const headerEnd = body.indexOf("\r\n\r\n", headerStart);
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd);
    if (headerEnd < 0 || next < 0) throw new Error("unterminated multipart part");
    const headers: Record<string, string> = {};
    for (const line of body.subarray(headerStart, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: body.subarray(headerEnd + 4, next) });
    start = next + 2;
  }
}
