/**
 * The one error shape that reaches a client: an AWS error code, the HTTP
 * status, whether the sender is at fault, and AWS's message. Services declare
 * their own errors with the same shape (`EfsError` already does), the
 * protocol layer renders any of them (see `error-response.ts`), and anything
 * that is not such an error becomes `InternalFailure` (500).
 */

/** What the protocol layer needs to render an error to a client. */
export interface AwsError {
  readonly code: string;
  readonly httpStatus: number;
  readonly senderFault: boolean;
  readonly message: string;
  /**
   * Extra members of the error shape (e.g. EFS's `FileSystemId`), rendered
   * in JSON 1.1 and rest-json bodies only; XML errors carry code and message.
   */
  readonly fields?: Readonly<Record<string, string>> | undefined;
}

/** An error raised by the protocol layer itself (signature, parsing, routing). */
export class ProtocolError extends Error implements AwsError {
  readonly senderFault: boolean;

  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    senderFault = httpStatus < 500,
  ) {
    super(message);
    this.name = code;
    this.senderFault = senderFault;
  }
}

/**
 * True when `value` carries an AWS identity (any service's error class).
 *
 * @example
 * isAwsError(new ProtocolError("ValidationError", 400, "bad")); // true
 * isAwsError(new TypeError("x")); // false
 */
export function isAwsError(value: unknown): value is AwsError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === "string" &&
    typeof v.httpStatus === "number" &&
    typeof v.senderFault === "boolean" &&
    typeof v.message === "string"
  );
}

/**
 * The error for anything unexpected: 500 `InternalFailure`, with a message
 * that reveals nothing about the cause (the server logs the cause).
 *
 * @example
 * internalFailure().httpStatus; // 500
 */
export function internalFailure(): ProtocolError {
  return new ProtocolError(
    "InternalFailure",
    500,
    "The request processing has failed because of an unknown error, exception or failure.",
    false,
  );
}

/**
 * The AWS error to render for whatever was thrown: itself when it has an AWS
 * identity, else `InternalFailure`.
 *
 * @example
 * toAwsError(new RangeError("boom")).code; // "InternalFailure"
 */
export function toAwsError(thrown: unknown): AwsError {
  return isAwsError(thrown) ? thrown : internalFailure();
}
