/** Turns request objects into JSON text and response text into objects. */
export interface Marshaller {
  marshal(value: unknown): string;
  /** @throws MarshallerSyntaxException when the body is not valid JSON. */
  unmarshal<T>(body: string): T;
}
