import { CommunicationException } from "../errors/communication-exception.js";
import type { ConnectionResponse } from "../transport/connection.js";
import { firstValue } from "../internal/first-value.js";
import { utf8Text } from "../internal/utf8-text.js";

/** The largest response body read into memory unless configured otherwise: 16 MiB. */
export const DEFAULT_MAX_RESPONSE_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Reads a whole response body as UTF-8 text, refusing one larger than `maxBytes` (by its
 * Content-Length before reading, or while reading when there is none) so that a hostile or broken
 * server cannot exhaust memory.
 * @throws CommunicationException when the body is larger than `maxBytes`.
 */
export function readBodyText(
  response: ConnectionResponse,
  maxBytes: number = DEFAULT_MAX_RESPONSE_BODY_BYTES,
): Promise<string> {
  const declared = Number(firstValue(response.headers["content-length"]));
  const withText = response.body as { text?: () => Promise<string> };
  // undici's own reader, when the length is known and allowed: one promise, no chunk copies.
  if (Number.isInteger(declared) && declared <= maxBytes && typeof withText.text === "function") {
    return withText.text();
  }
  return readChunks(response.body, declared, maxBytes);
}

async function readChunks(
  body: AsyncIterable<Uint8Array>,
  declared: number,
  maxBytes: number,
): Promise<string> {
  if (declared > maxBytes) {
    await cancel(body);
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await cancel(body);
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return utf8Text(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): CommunicationException {
  return new CommunicationException(
    `the response body is larger than the limit of ${maxBytes} bytes (maxResponseBodyBytes)`,
  );
}

/** Stops reading a body so that its connection is released. */
async function cancel(body: AsyncIterable<Uint8Array>): Promise<void> {
  const destroyable = body as { destroy?: () => void };
  if (typeof destroyable.destroy === "function") destroyable.destroy();
  else await body[Symbol.asyncIterator]().return?.();
}
