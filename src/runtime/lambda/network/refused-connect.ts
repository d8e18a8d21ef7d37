/**
 * A refused route failing the way a refused TCP connect fails in Node: the
 * socket stays "connecting" for the rest of the tick (so writes queue, as
 * they would), then is destroyed with an `ECONNREFUSED` error carrying
 * `errno`, `syscall: "connect"` and the `address` and `port` the function
 * dialled; its message starts as Node's (`connect ECONNREFUSED
 * 10.0.1.4:445`) and goes on with accesslab's reason after ` - `, the
 * separator Node itself uses for extra detail. The error is emitted on a
 * later turn of the event loop, so listeners attached after `connect()`
 * returns still see it; the connect listener never runs.
 */

import type { Socket } from "node:net";
import { constants } from "node:os";
import { REFUSED_CODE } from "./assumptions.js";

/** A Node system error as a refused connect reports it. */
export interface RefusedConnectError extends Error {
  readonly code: string;
  readonly errno: number;
  readonly syscall: "connect";
  readonly address: string;
  readonly port: number;
}

/**
 * The error of a refused connection to `host:port`.
 *
 * @example
 * refusedConnectError("10.0.1.4", 445, "connection refused by the network: …").message;
 * // "connect ECONNREFUSED 10.0.1.4:445 - accesslab: connection refused by the network: …"
 */
export function refusedConnectError(
  host: string,
  port: number,
  reason: string,
): RefusedConnectError {
  const error = new Error(
    `connect ${REFUSED_CODE} ${host}:${port} - accesslab: ${reason}`,
  ) as Error & Record<string, unknown>;
  // libuv's error numbers are the negated errno values, as Node reports them
  error.errno = -constants.errno.ECONNREFUSED;
  error.code = REFUSED_CODE;
  error.syscall = "connect";
  error.address = host;
  error.port = port;
  return error as unknown as RefusedConnectError;
}

/**
 * Fails `socket`'s connect to `host:port` with `reason`; answers the socket, as `connect` does.
 *
 * @example
 * return refuseConnect(this, "10.0.1.4", 445, route.refused);
 */
export function refuseConnect(socket: Socket, host: string, port: number, reason: string): Socket {
  const error = refusedConnectError(host, port, reason);
  const state = socket as unknown as { connecting: boolean };
  state.connecting = true;
  setImmediate(() => {
    state.connecting = false;
    socket.destroy(error);
  });
  return socket;
}
