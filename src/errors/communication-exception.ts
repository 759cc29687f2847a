import { SafeError } from "./safe-error.js";

/**
 * The platform could not be reached or answered with something that is not an API response:
 * a network fault, a timeout, a refused connection, a TLS failure, a deadline or a cancellation.
 * The underlying failure is in `cause`. Card-number-like digit runs in the message are masked;
 * `util.inspect` and `JSON.stringify` show a safe view (see {@link ApiException}).
 */
export class CommunicationException extends SafeError {}
