import { format, inspect } from "node:util";

/**
 * Every way an error reaches text without code reading its fields: message, stack, String,
 * JSON.stringify, util.inspect (deep, and as the cause of another error) and console-style
 * formatting (`%o` shows hidden properties; colours). `customInspect: false` and `getters: true`
 * are a caller's explicit opt-out of the safe view and are not covered.
 */
export function renderedViews(error: Error): Record<string, string> {
  const wrapper = new Error("wrapped", { cause: error });
  return {
    message: error.message,
    stack: String(error.stack),
    string: String(error),
    json: JSON.stringify(error),
    inspect: inspect(error, { depth: 10 }),
    inspectDefault: inspect(error),
    inspectColors: inspect(error, { depth: Infinity, colors: true }),
    inspectAsCause: inspect(wrapper, { depth: 10 }),
    jsonInObject: JSON.stringify({ error }),
    formatO: format("%o", error),
    showHidden: inspect(error, { showHidden: true, depth: 10 }),
  };
}

/** The views (by name) that contain `needle`. */
export function viewsContaining(error: Error, needle: string): string[] {
  return Object.entries(renderedViews(error))
    .filter(([, text]) => text.includes(needle))
    .map(([name]) => name);
}
