import { addKnownSecrets, maskSecrets, secretForms } from "./safe-view.js";

/** Enough for any real chain; also stops a cyclic `cause` chain. */
const MAX_CAUSES = 16;

/**
 * Masks secrets the caller knows (the OAuth2 client secret, access tokens) wherever `error` and
 * its `cause` chain could show them: in each error's `message` and `stack` (rewritten in place), and
 * in the `util.inspect`, `JSON.stringify` and `toString` views of SDK exceptions, whose fields
 * (`detail`, `responseBody`, ...) stay readable by code as received. Each secret is masked as is,
 * JSON-escaped, URL- and form-encoded; an `Authorization` value `Bearer <token>` masks the bare
 * token too. Never throws. @internal
 * @param error - what a call is about to throw; returned as is when it is not an object.
 * @param secrets - the secrets; empty and undefined entries are skipped.
 * @returns `error`, for `throw redactSecrets(error, secrets)`.
 */
export function redactSecrets<E>(error: E, secrets: Iterable<string | undefined>): E {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret === "") continue;
    for (const form of secretForms(secret)) forms.add(form);
    const bearer = /^Bearer\s+(\S.*)$/i.exec(secret)?.[1];
    if (bearer !== undefined) for (const form of secretForms(bearer)) forms.add(form);
  }
  if (forms.size === 0) return error;
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current instanceof Error && !seen.has(current); depth++) {
    seen.add(current);
    addKnownSecrets(current, sorted);
    rewrite(current, "message", sorted);
    rewrite(current, "stack", sorted);
    current = current.cause;
  }
  return error;
}

function rewrite(error: Error, property: "message" | "stack", forms: readonly string[]): void {
  try {
    const text = error[property];
    if (typeof text !== "string") return;
    const masked = maskSecrets(text, forms);
    if (masked !== text) error[property] = masked;
  } catch {
    // A read-only or throwing property stays as it is; the safe view still masks it.
  }
}
