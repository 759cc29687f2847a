import type { IncomingMessage } from "node:http";

/** Largest request body read, in bytes; larger bodies answer 413. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Reads a whole request body. Past {@link MAX_BODY_BYTES} the rest is drained and dropped, so
 * that the connection stays usable for the 413 answer.
 * @returns the body, or undefined when it was too large.
 */
export async function readRequestBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}
