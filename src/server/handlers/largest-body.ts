/**
 * How much of a request body the server reads before it knows the
 * operation: the largest body any bound operation accepts (Lambda's
 * CreateFunction with a 50 MB zip), never less than the 1 MiB every other
 * operation is held to. Each binding then refuses a body over its
 * operation's own cap with 413, so only the operations that take large
 * uploads accept them.
 */
import { DEFAULT_JSON_LIMIT } from "../../protocol/json.js";
import type { ServiceBinding } from "./handler.js";
import { SERVICE_BINDINGS } from "./table.js";

/**
 * The largest body cap among `bindings` (1 MiB for a binding that declares none).
 *
 * @example
 * largestBody({ efs: EFS_BINDING }); // 1048576
 */
export function largestBody(bindings: Readonly<Record<string, ServiceBinding>>): number {
  return Math.max(
    DEFAULT_JSON_LIMIT,
    ...Object.values(bindings).map((b) => b.maxBodyBytes ?? DEFAULT_JSON_LIMIT),
  );
}

/**
 * The server's read cap over the registered services.
 *
 * @example
 * SERVER_MAX_BODY_BYTES; // 69905067 (Lambda's CreateFunction)
 */
export const SERVER_MAX_BODY_BYTES = largestBody(SERVICE_BINDINGS);
