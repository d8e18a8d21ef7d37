/**
 * The error every service raises to a client: an AWS error code, the HTTP
 * status, whether the sender is at fault, and AWS's message (the shape the
 * protocol layer renders). Each service subclasses it once in its own
 * errors.ts, so callers can still tell which service refused.
 */
import type { SourcePosition } from "../formats/position.js";

/**
 * An error with its AWS identity, and optionally extra members of its error
 * shape (`fields`, e.g. EFS's `FileSystemId`) that JSON wire formats carry.
 *
 * @example
 * new ServiceError("FileSystemAlreadyExists", 409, "exists", undefined, { FileSystemId: "fs-1" });
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly senderFault = httpStatus < 500,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * The message for a policy document refused for its first problem.
 *
 * @example
 * invalidPolicyMessage({ message: "statement 0 has no `Resource`", position: { line: 1, column: 39 } });
 * // "policy is not valid at 1:39: statement 0 has no `Resource`"
 */
export function invalidPolicyMessage(problem: {
  message: string;
  position?: SourcePosition | undefined;
}): string {
  const where = problem.position ? ` at ${problem.position.line}:${problem.position.column}` : "";
  return `policy is not valid${where}: ${problem.message}`;
}
