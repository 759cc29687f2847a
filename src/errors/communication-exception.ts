/**
 * The platform could not be reached or answered with something that is not an API response:
 * a network fault, a timeout, a refused connection, a TLS failure, a deadline or a cancellation.
 * The underlying failure is in `cause`.
 */
export class CommunicationException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
