import { notLogged } from "./not-logged.js";
import type { ObfuscationRule } from "./obfuscation-rule.js";

/**
 * Obfuscates an `application/x-www-form-urlencoded` body (such as the OAuth2 token request): the
 * value of every field whose decoded name has a rule is replaced by the rule's result, re-encoded.
 * Other fields are copied as sent.
 *
 * Fails closed: from the first field whose name, or whose sensitive value, is not valid percent
 * encoding, the rest is replaced by `<N characters not logged: ...>`; a rule that throws or returns a
 * non-string drops the whole body.
 *
 * @param text - the body.
 * @param rules - rules by exact field name.
 */
export function obfuscateForm(text: string, rules: ReadonlyMap<string, ObfuscationRule>): string {
  let out = "";
  let start = 0;
  let equals = -1;
  try {
    while (start <= text.length) {
      let end = text.indexOf("&", start);
      if (end < 0) end = text.length;
      // Searched again only once passed, so that a body without '=' stays linear.
      if (equals < start) {
        equals = text.indexOf("=", start);
        if (equals < 0) equals = text.length;
      }
      const nameEnd = equals < end ? equals : end;
      const rule = rules.get(decodeFormComponent(text.slice(start, nameEnd)));
      if (rule !== undefined && nameEnd < end) {
        const masked = rule(decodeFormComponent(text.slice(nameEnd + 1, end)));
        if (typeof masked !== "string") throw new TypeError("an obfuscation rule returned a non-string");
        out += `${text.slice(start, nameEnd + 1)}${encodeURIComponent(masked)}`;
      } else {
        out += text.slice(start, end);
      }
      if (end < text.length) out += "&";
      start = end + 1;
    }
    return out;
  } catch (error) {
    if (!(error instanceof URIError)) return notLogged(text.length, "an obfuscation rule failed");
    return out + notLogged(text.length - start, `invalid form encoding at offset ${start}`);
  }
}

function decodeFormComponent(component: string): string {
  return decodeURIComponent(component.replaceAll("+", " "));
}
