/** Reads a whole response body as UTF-8 text. */
export async function readBodyText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const withText = body as { text?: () => Promise<string> };
  if (typeof withText.text === "function") return withText.text();
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
