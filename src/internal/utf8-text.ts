/**
 * UTF-8 text of a body's bytes without a leading byte-order mark, as undici's `text()` decodes a
 * body: RFC 8259 lets a JSON parser ignore a BOM, and every way of reading a body must agree.
 */
export function utf8Text(bytes: Buffer): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString("utf8", bom ? 3 : 0);
}
