import type { ValidationIssue } from "../errors/validation-exception.js";

/** A path template split once into literal text and placeholder names. */
interface CompiledPath {
  readonly literals: readonly string[];
  readonly names: readonly string[];
  /** Paths already expanded from frozen values objects (the resource chains' path contexts). */
  readonly expanded: WeakMap<object, string>;
}

const compiled = new Map<string, CompiledPath>();

function compile(template: string): CompiledPath {
  let entry = compiled.get(template);
  if (!entry) {
    const parts = template.split(/\{([^}]+)\}/);
    entry = {
      literals: parts.filter((_, index) => index % 2 === 0),
      names: parts.filter((_, index) => index % 2 === 1),
      expanded: new WeakMap(),
    };
    compiled.set(template, entry);
  }
  return entry;
}

/**
 * Fills a path template such as `/payments/{paymentId}` with percent-encoded values. Appends an
 * issue for each value that is missing, empty, or `.`/`..` (which would change the path) and
 * returns undefined if there was any.
 */
export function expandPath(
  template: string,
  values: Readonly<Record<string, string>>,
  issues: ValidationIssue[],
): string | undefined {
  const { literals, names, expanded } = compile(template);
  // Frozen values cannot change, so their path, once checked and encoded, stays right.
  const frozen = Object.isFrozen(values);
  if (frozen) {
    const known = expanded.get(values);
    if (known !== undefined) return known;
  }
  let path = literals[0]!;
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    const value = values[name];
    if (typeof value !== "string" || value === "") {
      issues.push({ path: name, rule: "required", message: "path id is missing or empty" });
    } else if (value === "." || value === "..") {
      issues.push({ path: name, rule: "pathSegment", message: "path id may not be '.' or '..'" });
    } else {
      path += encodeURIComponent(value);
    }
    path += literals[index + 1]!;
  }
  if (issues.length > 0) return undefined;
  if (frozen) expanded.set(values, path);
  return path;
}
