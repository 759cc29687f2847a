/** A body was not the JSON it claimed to be. The parser's error is in `cause`. */
export class MarshallerSyntaxException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
