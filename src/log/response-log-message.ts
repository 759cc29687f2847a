import type { LogMessageObfuscators } from "./log-message.js";
import { LogMessage } from "./log-message.js";

/**
 * The log message of an incoming response. Header values and the body are obfuscated when added;
 * `getMessage()` gives:
 * ```text
 * Incoming response (requestId='<id>', <duration> ms):
 *   status-code:  '<status>'
 *   headers:      <name="value", name2="value2">
 *   content-type: '<content type>'
 *   body:         '<obfuscated body>'
 * ```
 * where the first line reads `Incoming response (requestId='<id>'):` when the duration is unknown
 * and the last two lines appear only when a body was set.
 */
export class ResponseLogMessage extends LogMessage {
  /** The HTTP status code. */
  readonly statusCode: number;
  /** Milliseconds from sending the request to receiving the response; undefined when unknown. */
  readonly durationMs: number | undefined;

  /**
   * @param requestId - the id of the request this response answers.
   * @param statusCode - the HTTP status code.
   * @param durationMs - milliseconds since the request was sent; omitted from the message when
   *   undefined, negative or not finite, and rounded to whole milliseconds in it.
   * @param obfuscators - the obfuscators to apply, by default `BodyObfuscator.DEFAULT` and
   *   `HeaderObfuscator.DEFAULT`.
   */
  constructor(
    requestId: string,
    statusCode: number,
    durationMs?: number,
    obfuscators?: LogMessageObfuscators,
  ) {
    super(requestId, obfuscators);
    this.statusCode = statusCode;
    this.durationMs =
      durationMs !== undefined && Number.isFinite(durationMs) && durationMs >= 0 ? durationMs : undefined;
  }

  override getMessage(): string {
    const duration = this.durationMs === undefined ? "" : `, ${Math.round(this.durationMs)} ms`;
    return (
      `Incoming response (requestId='${this.requestId}'${duration}):\n` +
      `  status-code:  '${this.statusCode}'` +
      this.formatHeadersAndBody()
    );
  }
}
