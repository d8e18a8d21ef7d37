/**
 * A demo stack that cannot be loaded: its message is fit to print as one
 * line (`file:line:column: …` when the offending entry is known). A
 * service refusing an entry while the stack is created (a CIDR outside the
 * VPC, an unknown managed policy ARN, …) becomes such an error with the
 * entry's position and the service's own message.
 */
import { formatPosition, type SourcePosition } from "../formats/position.js";
import { ServiceError } from "../services/service-error.js";
import type { Positioned } from "./model.js";

/** Why the demo stack was not loaded. */
export class DemoLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DemoLoadError";
  }
}

/**
 * `file:line:column: message`, or `file: message` without a position.
 *
 * @example
 * located("stack.yaml", { line: 3, column: 5 }, "unknown field `nme`"); // "stack.yaml:3:5: unknown field `nme`"
 */
export function located(
  file: string,
  position: SourcePosition | undefined,
  message: string,
): string {
  return position ? `${file}:${formatPosition(position)}: ${message}` : `${file}: ${message}`;
}

/**
 * Runs one creation step, turning a service's refusal into a DemoLoadError
 * that names the entry.
 *
 * @example
 * creating(file, subnet, `subnet \`${subnet.name}\``, () => createSubnet(ctx, input));
 */
export function creating<T>(file: string, entry: Positioned, what: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ServiceError)
      throw new DemoLoadError(
        located(file, entry.position, `creating ${what}: ${error.code}: ${error.message}`),
      );
    throw error;
  }
}
