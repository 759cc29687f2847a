import { SafeError } from "./safe-error.js";

/**
 * A body was not the JSON it claimed to be. The parser's error is in `cause`. Neither quotes the
 * body; `util.inspect` and `JSON.stringify` show a safe view (see {@link ApiException}).
 */
export class MarshallerSyntaxException extends SafeError {}
