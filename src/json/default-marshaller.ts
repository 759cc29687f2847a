import { MarshallerSyntaxException } from "../errors/marshaller-syntax-exception.js";
import type { Marshaller } from "./marshaller.js";

/**
 * JSON with the API's camelCase names as they are. `Date` values become ISO-8601 UTC text with
 * milliseconds (`2024-01-02T03:04:05.678Z`); `undefined` fields are left out. Response date-times
 * stay strings, exactly as sent.
 */
export class DefaultMarshaller implements Marshaller {
  /** The shared instance. */
  static readonly INSTANCE: DefaultMarshaller = new DefaultMarshaller();

  marshal(value: unknown): string {
    return JSON.stringify(value);
  }

  /**
   * Parses a JSON body; an empty body gives null.
   * @throws MarshallerSyntaxException when the body is not valid JSON.
   */
  unmarshal<T>(body: string): T {
    if (body === "") return null as T;
    try {
      return JSON.parse(body) as T;
    } catch (error) {
      // V8's message quotes part of the body, which may hold card data: keep only the position.
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      const where = position === undefined ? "" : ` at position ${position}`;
      const cause = new SyntaxError(`Invalid JSON${where}`);
      throw new MarshallerSyntaxException(`The body is not valid JSON (${body.length} characters)${where}`, {
        cause,
      });
    }
  }
}
