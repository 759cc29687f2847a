import { ApiProblem } from "./api-problem.js";

/** One part of a `multipart/form-data` body (RFC 7578). */
export interface MultipartPart {
  name: string;
  fileName: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

function malformed(detail: string): ApiProblem {
  return new ApiProblem(400, "malformed-multipart", detail);
}

function headerParam(header: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}="([^"]*)"|;\\s*${param}=([^;\\s]+)`, "i").exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Splits a `multipart/form-data` body into its parts.
 * @throws ApiProblem 400 when the content type has no boundary or the body does not follow it.
 */
export function parseMultipart(contentType: string | undefined, body: Buffer): MultipartPart[] {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? "")) {
    throw new ApiProblem(415, "unsupported-media-type", "Content-Type must be multipart/form-data");
  }
  const boundary = headerParam(contentType ?? "", "boundary");
  if (!boundary) throw malformed("the multipart Content-Type has no boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw malformed("the body does not contain the multipart boundary");
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === "--") return parts;
    if (body.subarray(position, position + 2).toString() !== "\r\n")
      throw malformed("boundary not followed by CRLF");
    const headerEnd = body.indexOf("\r\n\r\n", position);
    if (headerEnd < 0) throw malformed("part headers are not terminated");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw malformed("the closing boundary is missing");
    const headers = new Map<string, string>();
    for (const line of body
      .subarray(position + 2, headerEnd)
      .toString("utf8")
      .split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get("content-disposition") ?? "";
    const name = headerParam(disposition, "name");
    if (!/^form-data\s*;/i.test(disposition) || name === undefined) {
      throw malformed("a part has no Content-Disposition: form-data with a name");
    }
    parts.push({
      name,
      fileName: headerParam(disposition, "filename"),
      contentType: headers.get("content-type"),
      data: body.subarray(headerEnd + 4, next),
    });
    position = next + 2;
  }
}
