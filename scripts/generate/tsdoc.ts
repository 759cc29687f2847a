/** Makes spec text safe inside a TSDoc block: no comment terminator, no accidental tags. */
export function escapeDoc(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/@/g, "\\@").replace(/[{}]/g, "\\$&");
}

/** A TSDoc block from lines (already escaped where they carry spec text), indented by `indent`. */
export function docBlock(lines: readonly string[], indent = ""): string {
  const body = lines.flatMap((line) => line.split("\n"));
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)).join("\n")}\n${indent} */\n`;
}

/** `"A"`, `"A" | "B"`: a union of string literals. */
export function literalUnion(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(" | ");
}
