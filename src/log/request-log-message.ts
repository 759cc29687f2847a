import type { BodyObfuscator } from "./body-obfuscator.js";
import type { HeaderObfuscator } from "./header-obfuscator.js";

// STUB (scaffold): the logging helper implements this.
export class RequestLogMessage {
  constructor(
    readonly requestId: string,
    readonly method: string,
    readonly uri: string,
    _obfuscators?: { body?: BodyObfuscator; header?: HeaderObfuscator },
  ) {}
  addHeader(_name: string, _value: string): this {
    throw new Error("not implemented");
  }
  setBody(_body: string | undefined, _contentType: string | undefined): this {
    throw new Error("not implemented");
  }
  getMessage(): string {
    throw new Error("not implemented");
  }
}
