import type { inspect as Inspect, InspectOptionsStylized } from "node:util";
import { BodyObfuscator } from "../log/body-obfuscator.js";
import { maskCardNumbers } from "./mask-card-numbers.js";

/*
 * The safe view of the SDK's exceptions: what `util.inspect`, `JSON.stringify` and `toString` show.
 * Fields that may echo a request or a response (bodies, `detail`, headers) stay readable by code
 * through getters, but are rendered here only after masking: bodies through the default
 * BodyObfuscator (sensitive JSON keys masked, anything that is not JSON withheld), free text with
 * card-number-like digit runs masked, and everything with the error's known secrets masked.
 * Internal to src/errors and the core; not exported from the package.
 */

/** The key Node's `util.inspect` calls; `Symbol.for` keeps `node:util` out of the runtime imports. */
export const INSPECT_CUSTOM: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/**
 * The method of an SDK exception that lists the fields its safe view shows, already masked; the
 * brand by which the safe view tells SDK exceptions from foreign errors.
 */
export const SAFE_FIELDS: unique symbol = Symbol("acquiring-sdk.safeFields") as never;

/** An SDK exception: an error with a safe view. */
export interface SafeError extends Error {
  [SAFE_FIELDS](): Record<string, unknown>;
}

/** What a known secret is replaced with, whatever its length. */
const SECRET_MASK = "********";

/** Secrets (client secret, access tokens) the core told an error about; see redactSecrets. */
const knownSecrets = new WeakMap<object, readonly string[]>();

/** Errors being rendered right now: a `cause` cycle renders as `[Circular]` instead of recursing. */
const rendering = new Set<object>();

/** Every form in which `secret` may appear in text: as is, JSON-escaped, URL- and form-encoded. */
export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  return [...forms].filter((form) => form !== "").sort((a, b) => b.length - a.length);
}

/** Adds secrets to mask in `error`'s safe view. */
export function addKnownSecrets(error: object, forms: readonly string[]): void {
  const current = knownSecrets.get(error) ?? [];
  const merged = [...new Set([...current, ...forms])].sort((a, b) => b.length - a.length);
  knownSecrets.set(error, merged);
}

/** Replaces every known form of the given secrets in `text`. */
export function maskSecrets(text: string, forms: readonly string[]): string {
  let masked = text;
  for (const form of forms) {
    if (masked.includes(form)) masked = masked.replaceAll(form, SECRET_MASK);
  }
  return masked;
}

/** Free text of `error` as it may be shown: its known secrets and card-number-like runs masked. */
export function safeText(error: object, text: string): string;
export function safeText(error: object, text: string | null): string | null;
export function safeText(error: object, text: string | null): string | null {
  if (text === null) return null;
  return maskCardNumbers(maskSecrets(text, knownSecrets.get(error) ?? []));
}

/**
 * A body of `error` as it may be shown: obfuscated by the default BodyObfuscator for its
 * Content-Type (JSON when absent), then masked as {@link safeText}.
 */
export function safeBody(error: object, body: string | null, contentType: string | undefined): string | null {
  if (body === null) return null;
  const forms = knownSecrets.get(error) ?? [];
  return maskCardNumbers(BodyObfuscator.DEFAULT.obfuscateBody(maskSecrets(body, forms), contentType));
}

/**
 * What `util.inspect(error)` shows: the stack, then the safe fields and the `cause` (rendered by
 * its own custom inspection if it is an SDK exception), with the whole text masked once more so
 * that a foreign cause cannot show a card number or a known secret either.
 */
export function inspectSafely(
  error: SafeError,
  depth: number,
  options: InspectOptionsStylized,
  inspect: typeof Inspect,
): string {
  if (rendering.has(error)) return options.stylize(`[Circular ${error.name}]`, "special");
  if (depth < 0) return options.stylize(`[${error.name}]`, "special");
  rendering.add(error);
  try {
    const shown = error[SAFE_FIELDS]();
    if (error.cause !== undefined) shown["cause"] = error.cause;
    // The fields sit at the error's own level, as Node shows an error's properties.
    const nested = { ...options, depth };
    const head = error.stack ?? `${error.name}: ${error.message}`;
    return safeText(error, `${head} ${inspect(shown, nested)}`);
  } finally {
    rendering.delete(error);
  }
}

/**
 * What `JSON.stringify(error)` shows: name, masked message, the safe fields, and the `cause` (an
 * SDK exception's own safe JSON, another error's name and masked message, nothing for any other
 * value, which may not even be serialisable).
 */
export function errorToJson(error: SafeError): Record<string, unknown> {
  rendering.add(error);
  try {
    const json: Record<string, unknown> = {
      name: error.name,
      message: safeText(error, error.message),
      ...error[SAFE_FIELDS](),
    };
    const cause: unknown = error.cause;
    if (cause instanceof Error && !rendering.has(cause)) {
      json["cause"] = isSafeError(cause)
        ? errorToJson(cause)
        : { name: cause.name, message: safeText(error, String(cause.message)) };
    }
    return json;
  } finally {
    rendering.delete(error);
  }
}

function isSafeError(error: Error): error is SafeError {
  return typeof (error as Partial<SafeError>)[SAFE_FIELDS] === "function";
}
