/** Turns a sensitive value into its obfuscated form. */
export type ObfuscationRule = (value: string) => string;

// STUB (scaffold): the logging helper implements these.
export function obfuscateAll(): ObfuscationRule {
  throw new Error("not implemented");
}
export function obfuscateAllButFirst(_count: number): ObfuscationRule {
  throw new Error("not implemented");
}
export function obfuscateAllButLast(_count: number): ObfuscationRule {
  throw new Error("not implemented");
}
export function obfuscateWithFixedLength(_length: number): ObfuscationRule {
  throw new Error("not implemented");
}
