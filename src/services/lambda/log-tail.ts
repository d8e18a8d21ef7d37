/**
 * Invoke's `X-Amz-Log-Result`: with `LogType: Tail`, Lambda returns the
 * last 4 KB of the invocation's log, base64-encoded (Lambda API Invoke).
 * The cut is on bytes, so a multi-byte character at the edge may be split,
 * as in Lambda's own answer.
 */

/** How much of the log the tail keeps. */
export const LOG_TAIL_BYTES = 4096;

/**
 * The base64 of the log's last 4 KB.
 *
 * @example
 * Buffer.from(logTail("x".repeat(5000)), "base64").length; // 4096
 */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, "utf8");
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString("base64");
}
